package io.sparkube.jobruns.service;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Timestamps between Kubernetes (RFC 3339 strings) and the wire (ISO-8601 strings in UTC). */
final class Timestamps {
  private Timestamps() {}

  static Optional<Instant> parse(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.parse(text));
    } catch (DateTimeParseException e) {
      try {
        return Optional.of(OffsetDateTime.parse(text).toInstant());
      } catch (DateTimeParseException again) {
        return Optional.empty();
      }
    }
  }

  /** The wire form, e.g. 2026-01-01T10:00:00Z; null stays null, so the member is omitted. */
  static String wire(String text) {
    return parse(text).map(Instant::toString).orElse(text);
  }
}
