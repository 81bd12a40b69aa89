package io.sparkube.submit.follow;

import io.sparkube.model.error.Failure;
import io.sparkube.model.error.SparkubeException;
import java.util.Optional;

/**
 * What {@code --status}/{@code --kill} take: {@code [namespace:]pod-name}, where a name ending in
 * {@code *} matches every driver pod whose name starts with what precedes it, as in Spark.
 */
public record SubmissionId(Optional<String> namespace, String podName) {

  public static SubmissionId parse(String id) {
    var colon = id.indexOf(':');
    var namespace = colon < 0 ? Optional.<String>empty() : Optional.of(id.substring(0, colon));
    var name = colon < 0 ? id : id.substring(colon + 1);
    if (name.isEmpty() || namespace.filter(String::isEmpty).isPresent()) {
      throw new SparkubeException(Failure.UNKNOWN_FLAG, "submission id \"" + id + "\" is not valid; use"
          + " namespace:driver-pod-name or driver-pod-name, optionally ending in *");
    }
    return new SubmissionId(namespace, name);
  }

  public boolean isGlob() {
    return podName.endsWith("*");
  }

  public boolean matches(String name) {
    return isGlob() ? name.startsWith(podName.substring(0, podName.length() - 1)) : name.equals(podName);
  }

  public String namespaceOr(String fallback) {
    return namespace.orElse(fallback);
  }

  @Override
  public String toString() {
    return namespace.map(ns -> ns + ":").orElse("") + podName;
  }
}
