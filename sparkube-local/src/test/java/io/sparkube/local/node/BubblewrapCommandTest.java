package io.sparkube.local.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bwrap argument list: namespaces, file-system layout, mounts, environment, command. */
class BubblewrapCommandTest {
  @TempDir
  Path dir;
  Path image;
  Path volume;

  @BeforeEach
  void image() throws Exception {
    image = dir.resolve("root");
    Files.createDirectories(image.resolve("opt/spark/jars"));
    Files.createDirectories(image.resolve("opt/spark/conf"));
    Files.writeString(image.resolve("opt/spark/RELEASE"), "x");
    volume = Files.createDirectories(dir.resolve("volume"));
  }

  BubblewrapCommand command() {
    return new BubblewrapCommand(Path.of("/usr/bin/bwrap")).image(image).hostname("driver").workingDir("/opt/spark")
        .command(List.of("/bin/sh", "-c", "true"));
  }

  @Test
  void isolatesPidAndHostnameAndLayersTheImageOverTheReadOnlyHost() {
    var args = command().build();

    assertThat(args.subList(0, 6)).containsExactly("/usr/bin/bwrap", "--die-with-parent", "--unshare-pid",
        "--unshare-uts", "--hostname", "driver");
    assertThat(String.join(" ", args)).contains("--ro-bind / / --ro-bind " + image.resolve("opt") + " /opt",
        "--dev /dev --proc /proc --tmpfs /tmp", "--chdir /opt/spark --clearenv");
    assertThat(args.subList(args.size() - 4, args.size())).containsExactly("--", "/bin/sh", "-c", "true");
  }

  @Test
  void mountOnAnExistingImageDirectoryKeepsTheImageBoundWhole() {
    var args = String.join(" ", command().mount(new SandboxMount("/opt/spark/conf", volume, true)).build());

    assertThat(args).contains("--ro-bind " + image.resolve("opt") + " /opt", "--ro-bind " + volume + " /opt/spark/conf")
        .doesNotContain("--remount-ro");
  }

  @Test
  void mountPointMissingInTheImageRebuildsItsParentsOnTmpfs() {
    var args = String.join(" ", command().mount(new SandboxMount("/opt/spark/work-dir/data", volume, false)).build());

    assertThat(args).contains("--tmpfs /opt --tmpfs /opt/spark",
        "--ro-bind " + image.resolve("opt/spark/jars") + " /opt/spark/jars",
        "--ro-bind " + image.resolve("opt/spark/RELEASE") + " /opt/spark/RELEASE",
        "--bind " + volume + " /opt/spark/work-dir/data",
        "--remount-ro /opt --remount-ro /opt/spark");
    assertThat(args.indexOf("--remount-ro")).isGreaterThan(args.indexOf("/opt/spark/work-dir/data"));
  }

  @Test
  void mountPointMissingOnTheHostRebuildsOnlyThatTopLevelDirectory() {
    var args = String.join(" ", command().mount(new SandboxMount("/etc/sparkube-test/conf", volume, true)).build());

    assertThat(args).contains("--ro-bind / /", "--tmpfs /etc", "--ro-bind /etc/passwd /etc/passwd",
        "--ro-bind " + volume + " /etc/sparkube-test/conf", "--remount-ro /etc");
  }

  @Test
  void memoryVolumeIsATmpfsAndTheHostsFileIsBound() throws Exception {
    var hosts = Files.writeString(dir.resolve("hosts"), "127.0.0.1 localhost\n");
    var args = String.join(" ", command().mount(SandboxMount.tmpfs("/dev/shm")).hostsFile(hosts).build());

    assertThat(args).contains("--tmpfs /dev/shm", "--ro-bind " + hosts + " /etc/hosts");
  }

  @Test
  void environmentIsExactlyWhatWasGiven() {
    var env = new LinkedHashMap<String, String>();
    env.put("PATH", "/usr/bin:/bin");
    env.put("SPARK_HOME", "/opt/spark");
    var args = String.join(" ", command().env(env).build());

    assertThat(args).contains("--clearenv --setenv PATH /usr/bin:/bin --setenv SPARK_HOME /opt/spark --");
  }

  @Test
  void aContainerWithoutCommandIsRefused() {
    var command = new BubblewrapCommand(Path.of("bwrap")).image(image).command(Collections.emptyList());
    assertThatThrownBy(command::build).hasMessageContaining("needs a command");
  }
}
