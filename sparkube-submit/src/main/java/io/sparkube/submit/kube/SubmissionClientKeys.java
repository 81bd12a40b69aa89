package io.sparkube.submit.kube;

import io.sparkube.model.config.ConfigKey;
import io.sparkube.model.config.ValueType;

/** Settings shaping the submitting client's connection, besides credentials. */
public final class SubmissionClientKeys {

  public static final ConfigKey<String> CONTEXT = ConfigKey.of("spark.kubernetes.context", ValueType.STRING)
      .doc("The kubeconfig context to use; the current context when unset.")
      .since("3.0.0").optional();

  public static final ConfigKey<Boolean> TRUST_CERTIFICATES =
      ConfigKey.of("spark.kubernetes.trust.certificates", ValueType.BOOLEAN)
          .doc("Trust any API server certificate (insecure; for test clusters only).")
          .since("3.2.0").defaultTo(false);

  public static final ConfigKey<Integer> REQUEST_TIMEOUT =
      ConfigKey.of("spark.kubernetes.submission.requestTimeout", ValueType.INT)
          .doc("Request timeout in milliseconds for submission.")
          .since("3.0.0").check(v -> v > 0, "must be positive").defaultTo(10000);

  public static final ConfigKey<Integer> CONNECTION_TIMEOUT =
      ConfigKey.of("spark.kubernetes.submission.connectionTimeout", ValueType.INT)
          .doc("Connection timeout in milliseconds for submission.")
          .since("3.0.0").check(v -> v > 0, "must be positive").defaultTo(10000);

  private SubmissionClientKeys() {}
}
