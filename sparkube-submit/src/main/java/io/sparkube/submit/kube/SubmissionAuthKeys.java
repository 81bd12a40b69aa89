package io.sparkube.submit.kube;

import io.sparkube.model.config.ConfigKey;
import io.sparkube.model.config.ValueType;

/** The {@code spark.kubernetes.authenticate.submission.*} settings the submitting client uses. */
public final class SubmissionAuthKeys {
  private static final String PREFIX = "spark.kubernetes.authenticate.submission.";

  public static final ConfigKey<String> CA_CERT_FILE = ConfigKey.of(PREFIX + "caCertFile", ValueType.STRING)
      .doc("CA certificate file that signs the API server's certificate, for submission.")
      .since("2.3.0").optional();

  public static final ConfigKey<String> CLIENT_KEY_FILE = ConfigKey.of(PREFIX + "clientKeyFile", ValueType.STRING)
      .doc("Client key file authenticating against the API server, for submission.")
      .since("2.3.0").optional();

  public static final ConfigKey<String> CLIENT_CERT_FILE = ConfigKey.of(PREFIX + "clientCertFile", ValueType.STRING)
      .doc("Client certificate file authenticating against the API server, for submission.")
      .since("2.3.0").optional();

  public static final ConfigKey<String> OAUTH_TOKEN = ConfigKey.of(PREFIX + "oauthToken", ValueType.STRING)
      .doc("OAuth token for submission; prefer oauthTokenFile, which keeps the token out of args.")
      .since("2.3.0").optional();

  public static final ConfigKey<String> OAUTH_TOKEN_FILE = ConfigKey.of(PREFIX + "oauthTokenFile", ValueType.STRING)
      .doc("File holding the OAuth token for submission.")
      .since("2.3.0").optional();

  private SubmissionAuthKeys() {}
}
