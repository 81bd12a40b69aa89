package io.sparkube.submit.staging;

import io.sparkube.model.config.ConfigKey;
import io.sparkube.model.config.ValueType;

/** Where submit uploads a job's local files: the staging server, as the submitting machine reaches it. */
public final class StagingSubmitKeys {
  private StagingSubmitKeys() {}

  public static final ConfigKey<String> URI = ConfigKey.of("spark.sparkube.staging.uri", ValueType.STRING)
      .doc("Base URI of the staging server that local jars and files are uploaded to.").since("sparkube 0.1")
      .check(u -> u.matches("https?://[^/\\s]+(/\\S*)?"), "give an http(s) URL such as https://staging.example.com")
      .optional();

  public static final ConfigKey<String> TOKEN_FILE = ConfigKey.of("spark.sparkube.staging.tokenFile", ValueType.STRING)
      .doc("File holding the staging server's upload token.").since("sparkube 0.1").optional();
}
