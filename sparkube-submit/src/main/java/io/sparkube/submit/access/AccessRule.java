package io.sparkube.submit.access;

import java.util.List;

/** One resource the driver's ServiceAccount needs, with exactly the verbs Spark's driver uses on it. */
public record AccessRule(String apiGroup, String resource, List<String> verbs, String why) {
  public AccessRule {
    verbs = List.copyOf(verbs);
  }
}
