package io.sparkube.staging;

import io.sparkube.model.config.Conf;
import io.sparkube.model.error.SparkubeException;
import io.sparkube.staging.config.StagingKeys;
import io.sparkube.staging.config.StagingSettings;
import io.sparkube.staging.http.StagingServer;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    if (args.size() > 1) {
      throw SparkubeException.invalidConfig("expected at most one argument, a properties file of "
          + StagingKeys.PREFIX + "* settings, not " + args);
    }
    var entries = new LinkedHashMap<String, String>();
    if (!args.isEmpty()) {
      entries.putAll(read(Path.of(args.get(0))));
    }
    system.stringPropertyNames().stream().filter(k -> k.startsWith(StagingKeys.PREFIX))
        .forEach(k -> entries.put(k, system.getProperty(k)));
    return Conf.of(entries);
  }

  private static Map<String, String> read(Path file) {
    var properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file)) {
      properties.load(reader);
    } catch (IOException e) {
      throw SparkubeException.invalidConfig("cannot read settings file " + file + " (" + e.getMessage()
          + "); give a readable properties file");
    }
    var out = new LinkedHashMap<String, String>();
    properties.stringPropertyNames().forEach(k -> out.put(k, properties.getProperty(k)));
    return out;
  }
}
