package io.sparkube.staging.http;

import io.sparkube.staging.error.Problem;
import io.sparkube.staging.error.StagingException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One byte range of a blob, from a {@code Range} header. As RFC 9110 allows, a header this server
 * does not handle (another unit, several ranges, bad syntax) is ignored and the whole blob sent;
 * a well-formed range that starts past the end is refused.
 */
record ByteRange(long first, long last) {
  private static final Pattern SINGLE = Pattern.compile("bytes=(\\d{0,18})-(\\d{0,18})");

  long length() {
    return last - first + 1;
  }

  String contentRange(long size) {
    return "bytes " + first + "-" + last + "/" + size;
  }

  static Optional<ByteRange> parse(String header, long size) {
    if (header == null) {
      return Optional.empty();
    }
    var m = SINGLE.matcher(header.strip());
    if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
      return Optional.empty();
    }
    if (m.group(1).isEmpty()) {
      long suffix = Long.parseLong(m.group(2));
      if (suffix == 0 || size == 0) {
        throw unsatisfiable(size);
      }
      return Optional.of(new ByteRange(Math.max(0, size - suffix), size - 1));
    }
    long first = Long.parseLong(m.group(1));
    long last = m.group(2).isEmpty() ? size - 1 : Long.parseLong(m.group(2));
    if (first >= size) {
      throw unsatisfiable(size);
    }
    if (last < first) {
      return Optional.empty();
    }
    return Optional.of(new ByteRange(first, Math.min(last, size - 1)));
  }

  private static StagingException unsatisfiable(long size) {
    return new StagingException(Problem.RANGE_NOT_SATISFIABLE, "the requested range lies outside the blob's "
        + size + " bytes; ask for bytes between 0 and " + Math.max(0, size - 1));
  }
}
