package io.sparkube.cli.controlplane;

import static org.assertj.core.api.Assertions.assertThat;

import io.sparkube.cli.Sparkube;
import io.sparkube.cli.Terminal;
import io.sparkube.model.error.Failure;
import io.sparkube.submit.SubmitEnvironment;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** sparkube control-plane serve hands its -D settings to the control plane's JVM, and nothing else. */
class ServeCommandTest {
  @TempDir
  Path home;

  private Terminal terminal(StringWriter err) {
    return new Terminal(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), false,
        new SubmitEnvironment(Map.of("HOME", home.toString()), "tester", home));
  }

  @Test
  void settingsBecomeSystemPropertiesOfTheChildJvm() {
    var serve = new ServeCommand(terminal(new StringWriter()));
    new CommandLine(serve).parseArgs("-Dsparkube.jobruns.port=8443", "-Dsparkube.controlPlane.installCrds=false",
        "settings.properties");

    assertThat(serve.jvmOptions()).containsExactly("-Dsparkube.jobruns.port=8443",
        "-Dsparkube.controlPlane.installCrds=false");
    assertThat(serve.config).isEqualTo("settings.properties");
  }

  @Test
  void anythingButAControlPlaneSettingIsRefusedBeforeAJvmStarts() {
    var err = new StringWriter();

    int code = Sparkube.run(new String[] {"control-plane", "serve", "-Djava.security.manager=allow"}, terminal(err));

    assertThat(code).isEqualTo(Failure.INVALID_CONFIG.exitCode());
    assertThat(err.toString()).contains("-Djava.security.manager is not a control plane setting");
  }
}
