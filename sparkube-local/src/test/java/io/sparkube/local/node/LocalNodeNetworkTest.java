package io.sparkube.local.node;

import static io.sparkube.local.node.NodeFixture.shellPod;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Each pod has its own loopback address, and Services resolve to pods through the hosts file. */
class LocalNodeNetworkTest extends RunningNodeTest {
  static PodBuilder withPodIp(PodBuilder pod) {
    return pod.editSpec().editFirstContainer().addToEnv(new EnvVarBuilder().withName("POD_IP").withNewValueFrom()
        .withNewFieldRef().withFieldPath("status.podIP").endFieldRef().endValueFrom().build()).endContainer().endSpec();
  }

  @Test
  void twoPodsBindTheSamePortOnTheirOwnAddresses() {
    // As two Spark drivers both bind 7078. The first names its address by its hostname: Java must find it in the
    // pod's hosts file, since there is no DNS.
    cluster.create(shellPod("first", "exec java /opt/app/Bind.java first 7078").build());
    cluster.create(withPodIp(shellPod("second", "exec java /opt/app/Bind.java $POD_IP 7078")).build());

    var first = cluster.awaitPhase("first", "Running").getStatus().getPodIP();
    var second = cluster.awaitPhase("second", "Running").getStatus().getPodIP();
    cluster.awaitLog("first", "bound first/" + first + ":7078");
    cluster.awaitLog("second", "bound /" + second + ":7078");
    assertThat(first).isNotEqualTo(second);
  }

  @Test
  void headlessServiceResolvesToItsPodOnceItExists() throws Exception {
    // The executor-like pod starts first and waits for the name, as executors wait for the driver service.
    cluster.create(shellPod("executor", "until grep -q spark-svc /etc/hosts; do sleep 0.1; done;"
        + " getent hosts spark-svc.default.svc.cluster.local; getent hosts spark-svc; getent hosts kubernetes.default.svc;"
        + " getent hosts executor").build());
    cluster.create(shellPod("driver", "exec sleep 600").editMetadata().addToLabels("spark-role", "driver")
        .endMetadata().build());
    var driverIp = cluster.awaitPhase("driver", "Running").getStatus().getPodIP();

    cluster.client.services().resource(new ServiceBuilder().withNewMetadata().withName("spark-svc").endMetadata()
        .withNewSpec().withClusterIP("None").addToSelector("spark-role", "driver").addNewPort().withPort(7078)
        .endPort().endSpec().build()).create();

    var executor = cluster.awaitPhase("executor", "Succeeded");
    var resolved = cluster.log("executor");
    var ip = Pattern.quote(driverIp);
    assertThat(resolved).containsPattern(ip + "\\s+spark-svc\\.default\\.svc\\.cluster\\.local\n")
        .containsPattern(ip + "\\s+spark-svc\n")
        .containsPattern("127\\.0\\.0\\.1\\s+kubernetes\\.default\\.svc\n")
        .containsPattern(Pattern.quote(executor.getStatus().getPodIP()) + "\\s+executor\n");
  }
}
