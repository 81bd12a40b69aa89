package io.sparkube.jobruns.service;

import io.sparkube.jobruns.error.ApiException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Newest-first pages with an opaque nextToken that names the last item served (its creation time
 * and name), not an offset: items created between two calls then neither repeat nor go missing.
 */
final class Pages {
  /** Where a page ends: items sort by creation time, newest first, then by name, last first. */
  record Cursor(Instant createdAt, String name) implements Comparable<Cursor> {
    private static final Comparator<Cursor> NEWEST_FIRST = Comparator.comparing(Cursor::createdAt)
        .thenComparing(Cursor::name).reversed();

    @Override
    public int compareTo(Cursor other) {
      return NEWEST_FIRST.compare(this, other);
    }

    String token() {
      var text = "v1|" + createdAt + "|" + name;
      return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    static Cursor ofToken(String token) {
      try {
        var parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("\\|", 3);
        if (parts.length == 3 && parts[0].equals("v1")) {
          return new Cursor(Instant.parse(parts[1]), parts[2]);
        }
      } catch (IllegalArgumentException | java.time.DateTimeException e) {
        // Reported below.
      }
      throw ApiException.validation("nextToken is not one this API gave; pass the nextToken of the previous"
          + " response unchanged, or leave it out for the first page");
    }
  }

  /** One page, and the token of the next; null when this page is the last. */
  record Page<T>(List<T> items, String nextToken) {}

  private Pages() {}

  static <T> Page<T> newestFirst(List<T> items, Function<T, Cursor> cursorOf, int size, Optional<Cursor> after) {
    var sorted = items.stream()
        .filter(item -> after.isEmpty() || cursorOf.apply(item).compareTo(after.get()) > 0)
        .sorted(Comparator.comparing(cursorOf))
        .toList();
    if (sorted.size() <= size) {
      return new Page<>(sorted, null);
    }
    var page = sorted.subList(0, size);
    return new Page<>(page, cursorOf.apply(page.get(size - 1)).token());
  }
}
