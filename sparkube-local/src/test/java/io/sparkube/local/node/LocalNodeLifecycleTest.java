package io.sparkube.local.node;

import static io.sparkube.local.node.NodeFixture.main;
import static io.sparkube.local.node.NodeFixture.shellPod;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Pods from Pending to Succeeded or Failed, on a real node with real sandboxes. */
class LocalNodeLifecycleTest extends RunningNodeTest {
  @Test
  void failingContainerEndsFailedWithItsExitCodeAndLog() throws Exception {
    cluster.create(shellPod("fails", "echo hi; exit 3").build());

    var pod = cluster.awaitPhase("fails", "Failed");

    var terminated = main(pod).getState().getTerminated();
    assertThat(terminated.getExitCode()).isEqualTo(3);
    assertThat(terminated.getReason()).isEqualTo("Error");
    assertThat(terminated.getStartedAt()).isNotNull();
    assertThat(terminated.getFinishedAt()).isNotNull();
    assertThat(pod.getSpec().getNodeName()).isEqualTo("sparkube-local");
    assertThat(pod.getStatus().getPodIP()).startsWith("127.1.");
    assertThat(cluster.log("fails")).contains("hi");
    assertThat(Files.readString(cluster.logs.exitFile("default", "fails", "main"))).isEqualTo("3");
  }

  @Test
  void succeedingContainerRunsInTheImageWithItsWorkingDirAndEnv() throws Exception {
    cluster.create(shellPod("ok", "pwd; cat marker; echo $IMAGE_VAR; hostname; echo $JAVA_TOOL_OPTIONS").build());

    var pod = cluster.awaitPhase("ok", "Succeeded");

    assertThat(main(pod).getState().getTerminated().getReason()).isEqualTo("Completed");
    assertThat(cluster.log("ok")).contains("/opt/app", "from the image", "image-value", "ok\n",
        "-Djdk.net.hosts.file=/etc/hosts");
  }

  @Test
  void unknownImageWaitsInImagePullBackOffWithTheBuildHint() {
    cluster.create(shellPod("unknown", "true").editSpec().editFirstContainer().withImage("apache/spark:9.9.9")
        .endContainer().endSpec().build());

    var pod = cluster.awaitPod("unknown", p -> p.getStatus().getContainerStatuses() != null
        && !p.getStatus().getContainerStatuses().isEmpty());

    assertThat(pod.getStatus().getPhase()).isEqualTo("Pending");
    var waiting = main(pod).getState().getWaiting();
    assertThat(waiting.getReason()).isEqualTo("ImagePullBackOff");
    assertThat(waiting.getMessage()).contains("sparkube local image build");
  }

  @Test
  void onFailureRestartsUntilTheContainerSucceeds() {
    // The emptyDir outlives restarts, so the script can count its runs.
    cluster.create(shellPod("flaky", "n=$(cat /data/n 2>/dev/null || echo 0); n=$((n+1)); echo $n > /data/n;"
        + " echo run $n; [ $n -ge 3 ]")
        .editSpec().withRestartPolicy("OnFailure").addNewVolume().withName("data").withNewEmptyDir().endEmptyDir()
        .endVolume().editFirstContainer().addNewVolumeMount().withName("data").withMountPath("/data").endVolumeMount()
        .endContainer().endSpec().build());

    var pod = cluster.awaitPhase("flaky", "Succeeded");

    assertThat(main(pod).getRestartCount()).isEqualTo(2);
    assertThat(main(pod).getLastState().getTerminated().getExitCode()).isEqualTo(1);
  }
}
