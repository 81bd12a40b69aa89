package io.sparkube.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * BENCHMARKS.md, where each harness owns the sections between its own begin and end markers
 * and rewrites them on each run, leaving the rest of the file as it is.
 */
public final class BenchmarksFile {
  private BenchmarksFile() {}

  public static String begin(String marker) {
    return "<!-- " + marker + " begin -->";
  }

  public static String end(String marker) {
    return "<!-- " + marker + " end -->";
  }

  /** Replaces the section marked {@code marker} with {@code section}, or appends it; a new file starts with {@code header}. */
  public static void writeSection(Path file, String header, String marker, String section) throws IOException {
    var text = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : header;
    var existing = Pattern.compile(Pattern.quote(begin(marker)) + ".*?" + Pattern.quote(end(marker)) + "\\n?",
        Pattern.DOTALL).matcher(text);
    text = existing.find() ? existing.replaceFirst(Matcher.quoteReplacement(section)) : text + "\n" + section;
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }
}
