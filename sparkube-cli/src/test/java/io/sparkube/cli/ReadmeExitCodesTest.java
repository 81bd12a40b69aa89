package io.sparkube.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.sparkube.model.error.Failure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The exit-code table in README.md lists exactly the codes Sparkube uses. */
class ReadmeExitCodesTest {
  private static final Pattern ROW = Pattern.compile("^\\| (\\d+) \\| .+ \\|$");

  @Test
  void readmeTableMatchesTheFailures() throws Exception {
    var readme = Files.readAllLines(Path.of("..", "README.md"));
    var documented = readme.stream().map(ROW::matcher).filter(m -> m.matches())
        .map(m -> Integer.parseInt(m.group(1))).toList();
    var used = Arrays.stream(Failure.values()).map(Failure::exitCode).toList();
    assertThat(documented).containsExactlyElementsOf(used);
  }
}
