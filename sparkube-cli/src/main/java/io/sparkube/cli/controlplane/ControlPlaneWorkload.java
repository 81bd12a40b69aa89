package io.sparkube.cli.controlplane;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.HTTPGetActionBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * The control plane's one replica and its Service. One, and replaced with Recreate, because the
 * operator has no leader election: two at once would both submit each run.
 */
final class ControlPlaneWorkload {
  static final String API_PORT_NAME = "api";
  static final String MANAGEMENT_PORT_NAME = "metrics";
  private static final long USER = 10001L;

  private ControlPlaneWorkload() {}

  static HasMetadata deployment(ControlPlaneInstall install) {
    return new DeploymentBuilder().withNewMetadata().withName(ControlPlaneInstall.NAME)
        .withNamespace(install.namespace()).withLabels(ControlPlaneManifests.labels()).endMetadata()
        .withNewSpec().withReplicas(1).withNewStrategy().withType("Recreate").endStrategy()
            .withNewSelector().addToMatchLabels(ControlPlaneManifests.NAME_LABEL, ControlPlaneInstall.NAME)
                .endSelector()
            .withNewTemplate().withNewMetadata().withLabels(ControlPlaneManifests.labels()).endMetadata()
                .withNewSpec().withServiceAccountName(ControlPlaneInstall.NAME)
                    // The operator and the API call the Kubernetes API as this ServiceAccount.
                    .withAutomountServiceAccountToken(true)
                    // fsGroup makes the token file readable by the non-root user.
                    .withNewSecurityContext().withRunAsNonRoot(true).withRunAsUser(USER).withRunAsGroup(USER)
                        .withFsGroup(USER).withNewSeccompProfile().withType("RuntimeDefault").endSeccompProfile()
                        .endSecurityContext()
                    .withContainers(container(install))
                    .addNewVolume().withName("token").withNewSecret().withSecretName(ControlPlaneInstall.NAME)
                        .withDefaultMode(0400).endSecret().endVolume()
                    // The root filesystem is read-only; the JVM and Vert.x write temporary files.
                    .addNewVolume().withName("tmp").withNewEmptyDir().withSizeLimit(new Quantity("64Mi"))
                        .endEmptyDir().endVolume()
                .endSpec()
            .endTemplate()
        .endSpec().build();
  }

  /** Runs {@code sparkube control-plane serve} with the settings as -D flags; none of them is a secret. */
  private static Container container(ControlPlaneInstall install) {
    var args = new ArrayList<>(List.of("control-plane", "serve"));
    install.settings().forEach((key, value) -> args.add("-D" + key + "=" + value));
    return new ContainerBuilder().withName("control-plane").withImage(install.image()).withArgs(args)
        .addNewPort().withName(API_PORT_NAME).withContainerPort(ControlPlaneInstall.API_PORT).endPort()
        .addNewPort().withName(MANAGEMENT_PORT_NAME).withContainerPort(ControlPlaneInstall.MANAGEMENT_PORT).endPort()
        // Ready once the operator has started and the API serves; alive while the process answers.
        .withNewReadinessProbe().withHttpGet(probe("/readyz")).withPeriodSeconds(10).endReadinessProbe()
        .withNewLivenessProbe().withHttpGet(probe("/healthz")).withPeriodSeconds(20).withFailureThreshold(3)
            .endLivenessProbe()
        .withNewResources().addToRequests("cpu", new Quantity("250m")).addToRequests("memory", new Quantity("512Mi"))
            .addToLimits("memory", new Quantity("1Gi")).endResources()
        .withNewSecurityContext().withReadOnlyRootFilesystem(true).withAllowPrivilegeEscalation(false)
            .withNewCapabilities().withDrop("ALL").endCapabilities().endSecurityContext()
        .addNewVolumeMount().withName("token").withMountPath(ControlPlaneInstall.SECRETS_DIR).withReadOnly(true)
            .endVolumeMount()
        .addNewVolumeMount().withName("tmp").withMountPath("/tmp").endVolumeMount()
        .build();
  }

  private static HTTPGetAction probe(String path) {
    return new HTTPGetActionBuilder().withPath(path).withPort(new IntOrString(MANAGEMENT_PORT_NAME))
        .withScheme("HTTP").build();
  }

  /** The API for callers in the cluster, and the management port for Prometheus (no token needed). */
  static HasMetadata service(ControlPlaneInstall install) {
    return new ServiceBuilder().withNewMetadata().withName(ControlPlaneInstall.NAME).withNamespace(install.namespace())
        .withLabels(ControlPlaneManifests.labels())
        .addToAnnotations("prometheus.io/scrape", "true")
        .addToAnnotations("prometheus.io/port", String.valueOf(ControlPlaneInstall.MANAGEMENT_PORT))
        .addToAnnotations("prometheus.io/path", "/metrics")
        .endMetadata()
        .withNewSpec().addToSelector(ControlPlaneManifests.NAME_LABEL, ControlPlaneInstall.NAME)
            .addNewPort().withName(API_PORT_NAME).withPort(ControlPlaneInstall.API_PORT)
                .withTargetPort(new IntOrString(API_PORT_NAME)).endPort()
            .addNewPort().withName(MANAGEMENT_PORT_NAME).withPort(ControlPlaneInstall.MANAGEMENT_PORT)
                .withTargetPort(new IntOrString(MANAGEMENT_PORT_NAME)).endPort()
        .endSpec().build();
  }
}
