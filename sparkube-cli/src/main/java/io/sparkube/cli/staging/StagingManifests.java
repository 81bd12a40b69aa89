package io.sparkube.cli.staging;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The staging server's objects for a real cluster: its ServiceAccount, with a token for the job
 * watch and read access to pods only ({@link StagingRbac}), the Secret holding its upload token
 * and URL-signing key, the claim its blobs live on, one replica (Recreate, as the claim is
 * ReadWriteOnce) and its Service.
 */
public final class StagingManifests {
  static final String DATA_DIR = "/var/lib/sparkube-staging";
  static final String SECRETS_DIR = "/etc/sparkube-staging";
  static final String TLS_DIR = "/etc/sparkube-staging-tls";
  static final String TOKEN_KEY = "token";
  static final String SIGNING_KEY = "signing-key";
  private static final SecureRandom RANDOM = new SecureRandom();

  private StagingManifests() {}

  /** The objects applied on every install; the Secret is separate, as it is made only once. */
  public static List<HasMetadata> objects(StagingInstall install) {
    var objects = new ArrayList<HasMetadata>();
    objects.add(serviceAccount(install));
    // Before the Deployment, so the server's watch is allowed from its first start.
    objects.addAll(StagingRbac.objects(install));
    objects.addAll(List.of(claim(install), deployment(install), service(install)));
    return objects;
  }

  /** Fresh random credentials: created when missing, never replaced (uploads and URLs depend on them). */
  public static HasMetadata secret(StagingInstall install) {
    return new SecretBuilder().withNewMetadata().withName(StagingInstall.NAME).withNamespace(install.namespace())
        .withLabels(labels()).endMetadata()
        .withType("Opaque")
        // Secret data is base64 of the file contents: a URL-safe token, and the signing key in the
        // standard base64 the server decodes.
        .addToData(TOKEN_KEY, base64(Base64.getUrlEncoder().withoutPadding().encodeToString(random())))
        .addToData(SIGNING_KEY, base64(Base64.getEncoder().encodeToString(random())))
        .build();
  }

  static Map<String, String> labels() {
    var labels = new LinkedHashMap<String, String>();
    labels.put("app.kubernetes.io/name", StagingInstall.NAME);
    labels.put("app.kubernetes.io/managed-by", "sparkube");
    return labels;
  }

  private static HasMetadata serviceAccount(StagingInstall install) {
    return new ServiceAccountBuilder().withNewMetadata().withName(StagingInstall.NAME)
        .withNamespace(install.namespace()).withLabels(labels()).endMetadata()
        // The job watch calls the API as this account; RBAC limits it to reading pods.
        .withAutomountServiceAccountToken(true).build();
  }

  private static HasMetadata claim(StagingInstall install) {
    return new PersistentVolumeClaimBuilder().withNewMetadata().withName(StagingInstall.NAME)
        .withNamespace(install.namespace()).withLabels(labels()).endMetadata()
        .withNewSpec().withAccessModes("ReadWriteOnce").withStorageClassName(install.storageClass().orElse(null))
            .withNewResources().addToRequests("storage", new Quantity(install.storage())).endResources()
        .endSpec().build();
  }

  private static HasMetadata deployment(StagingInstall install) {
    var args = new ArrayList<>(List.of("staging", "serve",
        "--host", "0.0.0.0", "--port", String.valueOf(StagingInstall.PORT), "--dir", DATA_DIR,
        "--token-file", SECRETS_DIR + "/" + TOKEN_KEY, "--signing-key-file", SECRETS_DIR + "/" + SIGNING_KEY,
        "--internal-uri", install.internalUri(), "--watch-jobs"));
    if (!install.watchesAllNamespaces()) {
      args.addAll(List.of("--job-namespaces", String.join(",", install.jobNamespaces())));
    }
    install.externalUri().ifPresent(uri -> args.addAll(List.of("--external-uri", uri)));
    var mounts = new ArrayList<>(List.of(
        new VolumeMountBuilder().withName("blobs").withMountPath(DATA_DIR).build(),
        new VolumeMountBuilder().withName("secrets").withMountPath(SECRETS_DIR).withReadOnly(true).build()));
    if (install.tlsSecret().isPresent()) {
      args.addAll(List.of("--tls-cert-file", TLS_DIR + "/tls.crt", "--tls-key-file", TLS_DIR + "/tls.key"));
      mounts.add(new VolumeMountBuilder().withName("tls").withMountPath(TLS_DIR).withReadOnly(true).build());
    }
    var container = new ContainerBuilder().withName("staging").withImage(install.image()).withArgs(args)
        .addNewPort().withName("http").withContainerPort(StagingInstall.PORT).endPort()
        .withNewReadinessProbe().withNewHttpGet().withPath("/healthz").withPort(new IntOrString("http"))
            .withScheme(install.scheme().toUpperCase(Locale.ROOT)).endHttpGet().endReadinessProbe()
        .withNewLivenessProbe().withNewHttpGet().withPath("/healthz").withPort(new IntOrString("http"))
            .withScheme(install.scheme().toUpperCase(Locale.ROOT)).endHttpGet()
            .withPeriodSeconds(20).endLivenessProbe()
        .withNewResources().addToRequests("cpu", new Quantity("250m")).addToRequests("memory", new Quantity("256Mi"))
            .addToLimits("memory", new Quantity("512Mi")).endResources()
        .withNewSecurityContext().withRunAsNonRoot(true).withRunAsUser(10001L).withReadOnlyRootFilesystem(true)
            .withAllowPrivilegeEscalation(false).withNewCapabilities().withDrop("ALL").endCapabilities()
            .endSecurityContext()
        .withVolumeMounts(mounts).build();
    var pod = new DeploymentBuilder().withNewMetadata().withName(StagingInstall.NAME)
        .withNamespace(install.namespace()).withLabels(labels()).endMetadata()
        .withNewSpec().withReplicas(1).withNewStrategy().withType("Recreate").endStrategy()
            .withNewSelector().addToMatchLabels("app.kubernetes.io/name", StagingInstall.NAME).endSelector()
            .withNewTemplate().withNewMetadata().withLabels(labels()).endMetadata()
                .withNewSpec().withServiceAccountName(StagingInstall.NAME).withAutomountServiceAccountToken(true)
                    .withNewSecurityContext().withFsGroup(10001L).endSecurityContext()
                    .withContainers(container)
                    .addNewVolume().withName("blobs").withNewPersistentVolumeClaim()
                        .withClaimName(StagingInstall.NAME).endPersistentVolumeClaim().endVolume()
                    .addNewVolume().withName("secrets").withNewSecret().withSecretName(StagingInstall.NAME)
                        .withDefaultMode(0400).endSecret().endVolume()
                .endSpec()
            .endTemplate()
        .endSpec();
    install.tlsSecret().ifPresent(secret -> pod.editSpec().editTemplate().editSpec().addNewVolume().withName("tls")
        .withNewSecret().withSecretName(secret).withDefaultMode(0400).endSecret().endVolume().endSpec().endTemplate()
        .endSpec());
    return pod.build();
  }

  private static HasMetadata service(StagingInstall install) {
    return new ServiceBuilder().withNewMetadata().withName(StagingInstall.NAME).withNamespace(install.namespace())
        .withLabels(labels()).endMetadata()
        .withNewSpec().addToSelector("app.kubernetes.io/name", StagingInstall.NAME)
            .addNewPort().withName("http").withPort(StagingInstall.PORT).withTargetPort(new IntOrString("http")).endPort()
        .endSpec().build();
  }

  private static byte[] random() {
    var bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return bytes;
  }

  private static String base64(String fileContent) {
    return Base64.getEncoder().encodeToString(fileContent.getBytes(StandardCharsets.US_ASCII));
  }
}
