package io.sparkube.jobruns.validation;

import io.sparkube.jobruns.error.ApiException;
import java.util.Collection;
import java.util.Map;

/** Checks on members that are not strings: presence, sizes of lists and maps, integer ranges, tags. */
public final class Members {
  public static final int MAX_TAGS = 50;

  private Members() {}

  public static <T> T required(T value, String member) {
    if (value == null) {
      throw ApiException.validation(Shape.violation("Value null", member, "Member must not be null"));
    }
    return value;
  }

  public static void atMost(Collection<?> values, int max, String member) {
    if (values != null && values.size() > max) {
      throw ApiException.validation(Shape.violation("Value with " + values.size() + " entries", member,
          "Member must have length less than or equal to " + max));
    }
  }

  public static void between(Integer value, int min, int max, String member) {
    if (value != null && (value < min || value > max)) {
      var constraint = value < min ? "Member must have value greater than or equal to " + min
          : "Member must have value less than or equal to " + max;
      throw ApiException.validation(Shape.violation("Value '" + value + "'", member, constraint));
    }
  }

  /** A TagMap: at most 50 entries, keys of 1 to 128 characters, values of up to 256. */
  public static void tags(Map<String, String> tags, String member) {
    if (tags == null) {
      return;
    }
    atMost(tags.keySet(), MAX_TAGS, member);
    tags.forEach((key, value) -> {
      Shape.TAG_KEY.required(key, member + ".key");
      Shape.TAG_VALUE.required(value, member + "." + key);
    });
  }

  /** One of {@code allowed}, as the model's enums are spelt. */
  public static String oneOf(String value, Collection<String> allowed, String member) {
    if (value != null && !allowed.contains(value)) {
      throw ApiException.validation(Shape.violation("Value '" + value + "'", member,
          "Member must satisfy enum value set: " + allowed));
    }
    return value;
  }
}
