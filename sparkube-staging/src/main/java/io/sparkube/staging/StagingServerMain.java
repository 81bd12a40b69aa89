package io.sparkube.staging;

import io.sparkube.model.config.Conf;
import io.sparkube.model.config.ServerSettings;
import io.sparkube.model.error.SparkubeException;
import io.sparkube.staging.config.StagingKeys;
import io.sparkube.staging.config.StagingSettings;
import io.sparkube.staging.http.StagingServer;
import java.time.Clock;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the staging server until the process is told to stop. Settings come from an optional
 * properties file (the one argument) and {@code -Dsparkube.staging.*} system properties, which win.
 */
public final class StagingServerMain {
  private StagingServerMain() {}

  public static void main(String[] args) throws InterruptedException {
    StagingServer server;
    try {
      server = StagingServer.start(StagingSettings.read(conf(List.of(args), System.getProperties())),
          Clock.systemUTC());
    } catch (SparkubeException e) {
      System.err.println("sparkube staging: " + e.getMessage());
      System.exit(e.failure().exitCode());
      return;
    }
    var stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      stopped.countDown();
    }, "staging-stop"));
    System.out.println("staging server up on port " + server.port() + ": external " + server.baseUris().external()
        + ", internal " + server.baseUris().internal());
    stopped.await();
  }

  /** The settings from {@code args} (at most one properties file) overlaid with system properties. */
  public static Conf conf(List<String> args, Properties system) {
    return ServerSettings.read(args, system, List.of(StagingKeys.PREFIX));
  }
}
