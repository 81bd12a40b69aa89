package io.sparkube.bench.staging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole harness on a few MiB, so a broken benchmark shows in the build rather than on the day
 * someone runs it. It checks what was moved and what the report says, never how fast.
 */
class StagingBenchmarkSmokeTest {
  @TempDir
  Path root;

  @Test
  void measuresEveryContenderAndWritesOnlyItsOwnSection() throws Exception {
    var options = Options.parse(List.of("--runs", "1", "--blob-mib", "2", "--fanout", "4", "--fanout-mib", "1",
        "--quiet-wait-s", "0", "--no-tls"));
    var log = new ByteArrayOutputStream();

    var results = StagingBenchmark.measure(root, options, new PrintStream(log, true, StandardCharsets.UTF_8),
        FreePageReporting.untouched());

    assertThat(results.streams().keySet()).containsExactly("loopback copy (baseline)", "staging server, http");
    results.streams().values().forEach(runs -> assertThat(runs).singleElement().satisfies(run -> {
      assertThat(run.upload().bytes()).isEqualTo(2L << 20);
      assertThat(run.download().bytes()).isEqualTo(2L << 20);
    }));
    results.fanouts().values().forEach(runs -> assertThat(runs).singleElement().satisfies(f -> {
      assertThat(f.failures()).isEmpty();
      assertThat(f.verifiedBytes()).isEqualTo(4L << 20);
      assertThat(f.shaChecked()).isEqualTo(1);
    }));

    var benchmarks = Files.writeString(root.resolve("BENCHMARKS.md"), "# Benchmarks\n\n<!-- other begin -->\nkept\n"
        + "<!-- other end -->\n");
    var section = Report.section(results);
    Report.write(benchmarks, section);
    Report.write(benchmarks, section);

    var text = Files.readString(benchmarks);
    assertThat(text).startsWith("# Benchmarks\n\n<!-- other begin -->\nkept\n<!-- other end -->\n")
        .containsOnlyOnce("<!-- bench/staging begin -->").endsWith("<!-- bench/staging end -->\n")
        .contains("| **staging server, http / loopback** |", "fan-out **PASS** (0 of 4 failed)", "TLS off",
            "Free page reporting to the hypervisor: left as it was");
  }

  @Test
  void refusesAnUnknownArgument() {
    assertThatThrownBy(() -> Options.parse(List.of("--blob", "3")))
        .hasMessageContaining("unknown argument --blob").hasMessageContaining("usage");
  }
}
