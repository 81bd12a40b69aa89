package io.sparkube.cli.staging;

import static org.assertj.core.api.Assertions.assertThat;

import io.sparkube.cli.Terminal;
import io.sparkube.staging.config.StagingKeys;
import io.sparkube.submit.SubmitEnvironment;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** sparkube staging serve's job-watch flags, as the settings the server reads. */
class ServeCommandTest {
  private static Map<String, String> settings(String... args) {
    var terminal = new Terminal(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), false,
        new SubmitEnvironment(Map.of(), "tester", Path.of(".")));
    var serve = new ServeCommand(terminal);
    new CommandLine(serve).parseArgs(args);
    return serve.settings();
  }

  @Test
  void watchJobsAndItsNamespacesBecomeTheirSettings() {
    assertThat(settings("--watch-jobs", "--job-namespaces", "team-a,team-b"))
        .containsEntry(StagingKeys.JOBS_WATCH.key(), "true")
        .containsEntry(StagingKeys.JOBS_NAMESPACES.key(), "team-a,team-b");
  }

  @Test
  void unsetFlagsLeaveTheSettingsFileInCharge() {
    assertThat(settings("--port", "0")).doesNotContainKeys(StagingKeys.JOBS_WATCH.key(),
        StagingKeys.JOBS_NAMESPACES.key());
  }
}
