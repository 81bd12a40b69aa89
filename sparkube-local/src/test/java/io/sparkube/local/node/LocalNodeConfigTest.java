package io.sparkube.local.node;

import static io.sparkube.local.node.NodeFixture.main;
import static io.sparkube.local.node.NodeFixture.shellPod;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Env, ConfigMaps, Secrets and the downward API reach the container as a kubelet delivers them. */
class LocalNodeConfigTest extends RunningNodeTest {
  @Test
  void envResolvesFieldRefsAndExpandsVariables() throws Exception {
    cluster.create(shellPod("env", "echo ip=$POD_IP; echo $GREETING; echo $ESCAPED; echo ns=$NS; echo mem=$MEM;"
        + " echo label=$APP; echo $JAVA_TOOL_OPTIONS")
        .editMetadata().addToLabels("app", "demo").endMetadata()
        .editSpec().editFirstContainer()
        .addToEnv(new EnvVarBuilder().withName("POD_IP").withNewValueFrom().withNewFieldRef()
            .withFieldPath("status.podIP").endFieldRef().endValueFrom().build())
        .addToEnv(new EnvVarBuilder().withName("NS").withNewValueFrom().withNewFieldRef()
            .withFieldPath("metadata.namespace").endFieldRef().endValueFrom().build())
        .addToEnv(new EnvVarBuilder().withName("APP").withNewValueFrom().withNewFieldRef()
            .withFieldPath("metadata.labels['app']").endFieldRef().endValueFrom().build())
        .addToEnv(new EnvVarBuilder().withName("MEM").withNewValueFrom().withNewResourceFieldRef()
            .withResource("limits.memory").withDivisor(new Quantity("1Mi")).endResourceFieldRef().endValueFrom().build())
        .addToEnv(new EnvVarBuilder().withName("GREETING").withValue("hello from $(POD_IP)").build())
        .addToEnv(new EnvVarBuilder().withName("ESCAPED").withValue("$$(POD_IP) stays").build())
        .withNewResources().addToLimits("memory", new Quantity("512Mi")).endResources()
        .endContainer().endSpec().build());

    var pod = cluster.awaitPhase("env", "Succeeded");

    var ip = pod.getStatus().getPodIP();
    assertThat(ip).startsWith("127.1.");
    assertThat(cluster.log("env")).contains("ip=" + ip, "hello from " + ip, "$(POD_IP) stays", "ns=default",
        "mem=512", "label=demo", "-XX:MaxRAM=" + 512L * 1024 * 1024);
  }

  @Test
  void configMapAndSecretVolumesAndEnvAreVisibleInside() throws Exception {
    cluster.client.configMaps().resource(new ConfigMapBuilder().withNewMetadata().withName("conf").endMetadata()
        .addToData("spark.properties", "spark.app.name=demo\n").addToData("other", "x").build()).create();
    cluster.client.secrets().resource(new SecretBuilder().withNewMetadata().withName("creds").endMetadata()
        .addToData("token", Base64.getEncoder().encodeToString("s3cret".getBytes(StandardCharsets.UTF_8)))
        .build()).create();
    // /opt/app/conf does not exist in the image: the node must make room for it under the image's /opt.
    cluster.create(shellPod("vols", "cat /opt/app/conf/spark.properties; ls /opt/app/conf; cat /opt/app/marker;"
        + " cat /secret/token; echo; echo env=$TOKEN; cat /info/name; echo; touch /opt/app/conf/x || echo read-only;"
        + " cat /opt/app/one-file; echo; touch /secret/x || echo secret-read-only")
        .editSpec()
        .addNewVolume().withName("conf").withNewConfigMap().withName("conf").endConfigMap().endVolume()
        .addNewVolume().withName("creds").withNewSecret().withSecretName("creds").endSecret().endVolume()
        .addNewVolume().withName("info").withNewDownwardAPI().addNewItem().withPath("name").withNewFieldRef()
        .withFieldPath("metadata.name").endFieldRef().endItem().endDownwardAPI().endVolume()
        .editFirstContainer()
        .addNewVolumeMount().withName("conf").withMountPath("/opt/app/conf").withReadOnly(true).endVolumeMount()
        .addNewVolumeMount().withName("conf").withMountPath("/opt/app/one-file").withSubPath("other").endVolumeMount()
        .addNewVolumeMount().withName("creds").withMountPath("/secret").endVolumeMount()
        .addNewVolumeMount().withName("info").withMountPath("/info").endVolumeMount()
        .addToEnv(new EnvVarBuilder().withName("TOKEN").withNewValueFrom().withNewSecretKeyRef("token", "creds", false)
            .endValueFrom().build())
        .endContainer().endSpec().build());

    cluster.awaitPhase("vols", "Succeeded");

    assertThat(cluster.log("vols")).contains("spark.app.name=demo", "other", "from the image", "s3cret\n",
        "env=s3cret", "vols\n", "read-only", "x\n", "secret-read-only");
  }

  @Test
  void podWaitsForAMissingConfigMapThenStarts() throws Exception {
    cluster.create(shellPod("waits", "cat /etc/spark/conf/key; echo; echo env=$FROM_MAP")
        .editSpec()
        .addNewVolume().withName("conf").withNewConfigMap().withName("late").endConfigMap().endVolume()
        .editFirstContainer()
        .addNewVolumeMount().withName("conf").withMountPath("/etc/spark/conf").endVolumeMount()
        .addNewEnvFrom().withNewConfigMapRef().withName("late").endConfigMapRef().withPrefix("FROM_").endEnvFrom()
        .endContainer().endSpec().build());

    var waiting = cluster.awaitPod("waits", p -> p.getStatus().getContainerStatuses() != null
        && !p.getStatus().getContainerStatuses().isEmpty());
    assertThat(waiting.getStatus().getPhase()).isEqualTo("Pending");
    assertThat(main(waiting).getState().getWaiting().getReason()).isEqualTo("ContainerCreating");
    assertThat(main(waiting).getState().getWaiting().getMessage()).contains("configmap \"late\" not found");

    // As Spark's client does: the ConfigMap comes after the driver pod.
    cluster.client.configMaps().resource(new ConfigMapBuilder().withNewMetadata().withName("late").endMetadata()
        .addToData("key", "arrived").addToData("MAP", "yes").build()).create();

    cluster.awaitPhase("waits", "Succeeded");
    assertThat(cluster.log("waits")).contains("arrived", "env=yes");
  }

  @Test
  void podsDoNotSeeTheClustersStateOrTheUsersHome() throws Exception {
    java.nio.file.Files.writeString(dir.resolve("admin.token"), "secret");
    cluster.create(shellPod("peek", "test -e " + dir.resolve("admin.token") + " && echo cluster:visible"
        + " || echo cluster:hidden; ls -A " + System.getProperty("user.home") + " | wc -l").build());

    cluster.awaitPhase("peek", "Succeeded");

    assertThat(cluster.log("peek")).contains("cluster:hidden").doesNotContain("cluster:visible");
    assertThat(cluster.log("peek").lines().filter(l -> l.trim().equals("0")).count()).isEqualTo(1);
  }
}
