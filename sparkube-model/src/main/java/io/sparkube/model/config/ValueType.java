package io.sparkube.model.config;

import io.sparkube.model.error.SparkubeException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a config value is written and read. Parsing follows Spark's own rules (sizes and times with
 * unit suffixes, booleans as true/false only, comma lists trimmed) so a value means the same to us
 * as to the driver that later reads it.
 */
public interface ValueType<T> {
  /** Parses {@code raw}; throws {@link IllegalArgumentException} naming what was expected. */
  T parse(String raw);

  ValueType<String> STRING = raw -> raw;

  ValueType<Integer> INT = raw -> {
    try {
      return Integer.parseInt(raw.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("expected an integer");
    }
  };

  ValueType<Long> LONG = raw -> {
    try {
      return Long.parseLong(raw.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("expected an integer");
    }
  };

  ValueType<Double> DOUBLE = raw -> {
    try {
      return Double.parseDouble(raw.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("expected a number");
    }
  };

  ValueType<Boolean> BOOLEAN = raw -> {
    var v = raw.trim().toLowerCase(Locale.ROOT);
    return switch (v) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new IllegalArgumentException("expected true or false");
    };
  };

  /** A comma-separated list; blanks dropped, entries trimmed, as Spark's toSequence does. */
  ValueType<List<String>> LIST = raw ->
      Arrays.stream(raw.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();

  /** A size such as 512m or 2g, read in MiB; a plain number is already MiB. */
  ValueType<Long> MEBIBYTES = raw -> Sizes.parse(raw, Sizes.MIB);

  /** A size read in bytes; a plain number is bytes. */
  ValueType<Long> BYTES = raw -> Sizes.parse(raw, 1L);

  /** A duration such as 1s or 500ms, read in milliseconds; a plain number is milliseconds. */
  ValueType<Long> MILLIS = raw -> Times.parse(raw, TimeUnit.MILLISECONDS);

  /** A duration read in seconds; a plain number is seconds. */
  ValueType<Long> SECONDS = raw -> Times.parse(raw, TimeUnit.SECONDS);

  /** Spark's size grammar: an integer and an optional unit among b, k, m, g, t, p (with b). */
  final class Sizes {
    static final long MIB = 1024L * 1024L;
    private static final Pattern SIZE = Pattern.compile("([0-9]+)([a-z]+)?");
    private static final Map<String, Long> UNITS = Map.ofEntries(
        Map.entry("b", 1L),
        Map.entry("k", 1L << 10), Map.entry("kb", 1L << 10),
        Map.entry("m", 1L << 20), Map.entry("mb", 1L << 20),
        Map.entry("g", 1L << 30), Map.entry("gb", 1L << 30),
        Map.entry("t", 1L << 40), Map.entry("tb", 1L << 40),
        Map.entry("p", 1L << 50), Map.entry("pb", 1L << 50));

    private Sizes() {}

    static long parse(String raw, long unitBytes) {
      var v = raw.trim().toLowerCase(Locale.ROOT);
      Matcher m = SIZE.matcher(v);
      if (!m.matches()) {
        throw new IllegalArgumentException("expected a size such as 512m or 2g");
      }
      long number = Long.parseLong(m.group(1));
      Long suffix = m.group(2) == null ? Long.valueOf(unitBytes) : UNITS.get(m.group(2));
      if (suffix == null) {
        throw new IllegalArgumentException("unknown size unit '" + m.group(2) + "' (use b, k, m, g, t or p)");
      }
      // Spark converts with integer division, so 1500k is 1 MiB, not 1.46.
      return Math.multiplyExact(number, suffix) / unitBytes;
    }
  }

  /** Spark's time grammar: an integer and an optional unit among us, ms, s, m/min, h, d. */
  final class Times {
    private static final Pattern TIME = Pattern.compile("(-?[0-9]+)([a-z]+)?");
    private static final Map<String, TimeUnit> UNITS = Map.of(
        "us", TimeUnit.MICROSECONDS, "ms", TimeUnit.MILLISECONDS, "s", TimeUnit.SECONDS,
        "m", TimeUnit.MINUTES, "min", TimeUnit.MINUTES, "h", TimeUnit.HOURS, "d", TimeUnit.DAYS);

    private Times() {}

    static long parse(String raw, TimeUnit unit) {
      var v = raw.trim().toLowerCase(Locale.ROOT);
      Matcher m = TIME.matcher(v);
      if (!m.matches()) {
        throw new IllegalArgumentException("expected a duration such as 1s or 500ms");
      }
      TimeUnit given = m.group(2) == null ? unit : UNITS.get(m.group(2));
      if (given == null) {
        throw new IllegalArgumentException("unknown time unit '" + m.group(2) + "' (use ms, s, m, h or d)");
      }
      return unit.convert(Long.parseLong(m.group(1)), given);
    }
  }

  /** Reads {@code raw} for {@code key}, turning a parse failure into a message naming the key. */
  static <T> T read(ValueType<T> type, String key, String raw) {
    try {
      return type.parse(raw);
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw SparkubeException.invalidConfig(
          key + "=" + raw + " is not valid: " + e.getMessage() + "; fix the value of " + key);
    }
  }
}
