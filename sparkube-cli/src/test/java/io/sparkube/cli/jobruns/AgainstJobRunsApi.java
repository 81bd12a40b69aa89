package io.sparkube.cli.jobruns;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** A test class whose tests share one real job-runs API, published under {@link #home} as the local cluster's. */
abstract class AgainstJobRunsApi {
  @TempDir
  static Path home;

  static TestingJobRunsApi api;

  @BeforeAll
  static void startApi() {
    api = new TestingJobRunsApi(home);
  }

  @AfterAll
  static void stopApi() {
    api.close();
  }
}
