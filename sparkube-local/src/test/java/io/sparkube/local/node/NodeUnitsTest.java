package io.sparkube.local.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The small pure pieces: $(VAR) expansion, the state machine, backoff, addresses, restart policy. */
class NodeUnitsTest {

  @Test
  void expandsDefinedVariablesAndKeepsTheRest() {
    var vars = Map.of("IP", "127.1.0.2", "PORT", "7078");
    assertThat(VarExpansion.expand("$(IP):$(PORT)", vars)).isEqualTo("127.1.0.2:7078");
    assertThat(VarExpansion.expand("$(MISSING) $$(IP) $$ $IP $(", vars)).isEqualTo("$(MISSING) $(IP) $ $IP $(");
  }

  @Test
  void stateMachineRefusesIllegalTransitions() {
    assertThat(PodState.PENDING.next(PodState.CONTAINER_CREATING)).isEqualTo(PodState.CONTAINER_CREATING);
    assertThatThrownBy(() -> PodState.SUCCEEDED.next(PodState.RUNNING))
        .hasMessageContaining("cannot move from SUCCEEDED to RUNNING");
    assertThatThrownBy(() -> PodState.PENDING.next(PodState.RUNNING)).isInstanceOf(IllegalStateException.class);
    assertThat(PodState.CONTAINER_CREATING.phase()).isEqualTo("Pending");
  }

  @Test
  void restartBackoffDoublesUpToTheCap() {
    var settings = NodeSettings.defaults();
    assertThat(settings.restartDelay(0)).isEqualTo(Duration.ofSeconds(10));
    assertThat(settings.restartDelay(1)).isEqualTo(Duration.ofSeconds(20));
    assertThat(settings.restartDelay(10)).isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void podAddressesAreUniqueLoopbackAddressesOtherThanTheApiServers() {
    var pool = new PodIpPool();
    var first = pool.allocate();
    var second = pool.allocate();
    assertThat(first).isEqualTo("127.1.0.1").isNotEqualTo(second);
    pool.release(first);
    assertThat(pool.allocate()).isNotEqualTo("127.0.0.1").isNotEqualTo(second);
  }

  @Test
  void restartPolicyDecidesWhichExitsRestart() {
    assertThat(ContainerExits.restarts("Never", 1)).isFalse();
    assertThat(ContainerExits.restarts("OnFailure", 0)).isFalse();
    assertThat(ContainerExits.restarts("OnFailure", 2)).isTrue();
    assertThat(ContainerExits.restarts("Always", 0)).isTrue();
  }

  @Test
  void hostsFileNamesTheApiServerThePodAndServices() {
    var hosts = new HostsFile("vm", "driver", "127.1.0.5").service("spark-driver-svc", "default", "127.1.0.5", true)
        .service("other", "team", "127.1.0.9", false).render();
    assertThat(hosts).contains("127.0.0.1\tlocalhost\n", "127.0.0.1\tvm\n", "127.0.0.1\tkubernetes.default.svc\n",
        "127.1.0.5\tdriver\n", "127.1.0.5\tspark-driver-svc\n", "127.1.0.5\tspark-driver-svc.default.svc.cluster.local\n",
        "127.1.0.9\tother.team.svc\n").doesNotContain("\tother\n");
  }
}
