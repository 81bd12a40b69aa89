package io.sparkube.bench;

import java.util.List;

/** The benchmarks' command-line values, each refused with its flag, the value given and the usage. */
public final class Arguments {
  private Arguments() {}

  /** The value after the flag at {@code i - 1}. */
  public static String value(List<String> args, int i, String usage) {
    if (i >= args.size()) {
      throw new IllegalArgumentException(args.get(i - 1) + " needs a value; " + usage);
    }
    return args.get(i);
  }

  /** The value after the flag at {@code i - 1}, a whole number of at least {@code min}. */
  public static int wholeNumber(List<String> args, int i, int min, String usage) {
    var text = value(args, i, usage);
    try {
      int n = Integer.parseInt(text);
      if (n >= min) {
        return n;
      }
    } catch (NumberFormatException e) {
      // Reported below.
    }
    throw new IllegalArgumentException(args.get(i - 1) + " " + text + " is not a whole number of at least " + min
        + "; " + usage);
  }
}
