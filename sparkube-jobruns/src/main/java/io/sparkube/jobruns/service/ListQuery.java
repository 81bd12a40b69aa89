package io.sparkube.jobruns.service;

import io.sparkube.jobruns.error.ApiException;
import io.sparkube.jobruns.validation.Members;
import io.sparkube.jobruns.validation.Shape;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The query of a List operation, as rest-json sends it: lists as repeated keys, dates as ISO-8601.
 * Parameters the operation does not define are ignored, as AWS services do.
 */
public final class ListQuery {
  static final int DEFAULT_PAGE = 50;
  /** A larger maxResults gets pages of this size; paginators follow nextToken either way. */
  static final int MAX_PAGE = 500;
  private static final int MAX_STATES = 10;

  private final Map<String, List<String>> parameters;

  public ListQuery(Map<String, List<String>> parameters) {
    this.parameters = Map.copyOf(parameters);
  }

  Optional<String> text(String name, Shape shape) {
    return first(name).map(value -> shape.required(value, name));
  }

  /** Creation times between createdAfter and createdBefore, both inclusive; either may be open. */
  record CreatedRange(Optional<Instant> after, Optional<Instant> before) {
    boolean contains(Instant createdAt) {
      return after.map(a -> !createdAt.isBefore(a)).orElse(true) && before.map(b -> !createdAt.isAfter(b)).orElse(true);
    }
  }

  CreatedRange created() {
    return new CreatedRange(instant("createdAfter"), instant("createdBefore"));
  }

  private Optional<Instant> instant(String name) {
    return first(name).map(value -> Timestamps.parse(value).orElseThrow(() -> ApiException.validation(
        "Value '" + value + "' at '" + name + "' is not an ISO-8601 date and time, e.g. 2026-01-01T00:00:00Z")));
  }

  int pageSize() {
    return first("maxResults").map(value -> {
      try {
        var size = Integer.parseInt(value);
        Members.between(size, 1, Integer.MAX_VALUE, "maxResults");
        return Math.min(size, MAX_PAGE);
      } catch (NumberFormatException e) {
        throw ApiException.validation("Value '" + value + "' at 'maxResults' is not an integer");
      }
    }).orElse(DEFAULT_PAGE);
  }

  Optional<Pages.Cursor> after() {
    return text("nextToken", Shape.NEXT_TOKEN).map(Pages.Cursor::ofToken);
  }

  /** The states asked for; empty for all. */
  <E extends Enum<E>> Set<E> states(Class<E> type) {
    var values = parameters.getOrDefault("states", List.of());
    Members.atMost(values, MAX_STATES, "states");
    var states = EnumSet.noneOf(type);
    for (var value : values) {
      var state = Arrays.stream(type.getEnumConstants()).filter(c -> c.name().equals(value)).findFirst();
      states.add(state.orElseThrow(() -> ApiException.validation("Value '" + value + "' at 'states' failed to"
          + " satisfy constraint: Member must satisfy enum value set: " + Arrays.toString(type.getEnumConstants()))));
    }
    return states;
  }

  private Optional<String> first(String name) {
    var values = parameters.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }
}
