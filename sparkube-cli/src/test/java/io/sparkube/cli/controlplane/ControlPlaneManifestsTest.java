package io.sparkube.cli.controlplane;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.sparkube.controlplane.config.ControlPlaneSettings;
import io.sparkube.model.SparkLine;
import io.sparkube.model.config.Conf;
import io.sparkube.resources.Crds;
import io.sparkube.submit.access.AccessRule;
import io.sparkube.submit.access.DriverAccess;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The control plane's manifests as objects: its exact grants, and how its one pod runs. */
class ControlPlaneManifestsTest {
  private static final ControlPlaneInstall EVERYWHERE =
      new ControlPlaneInstall("sparkube-system", "sparkube/sparkube:0.1.0", List.of());
  private static final ControlPlaneInstall LISTED =
      new ControlPlaneInstall("sparkube-system", "sparkube/sparkube:0.1.0", List.of("team-a", "team-b"));

  private static final List<String> CLUSTER_SCOPED = List.of(
      "sparkube.io virtualclusters [get, list, watch, create]",
      "sparkube.io virtualclusters/status [patch]",
      " namespaces [get]",
      "admissionregistration.k8s.io mutatingwebhookconfigurations [list]");
  private static final List<String> INFORMERS = List.of(
      "sparkube.io sparkapplications [list, watch]",
      " pods [list, watch]");
  private static final List<String> JOB_NAMESPACE = List.of(
      "sparkube.io sparkapplications [get, create, patch, delete]",
      "sparkube.io sparkapplications/status [patch]",
      "sparkube.io sparkapplications/finalizers [update]",
      " pods [get, create, delete, deletecollection, patch]",
      " configmaps [create, patch, delete, deletecollection]",
      " services [patch, delete, deletecollection]",
      " persistentvolumeclaims [list, create, patch, delete, deletecollection]",
      " serviceaccounts [get, create, delete]",
      "rbac.authorization.k8s.io roles [patch, delete]",
      "rbac.authorization.k8s.io rolebindings [patch, delete]",
      " events [create]",
      "apps statefulsets [get, create, delete]",
      "apps statefulsets/scale [get, update]");

  @Test
  void jobsInAnyNamespaceGetOneClusterRoleWithExactlyTheseRules() {
    var objects = ControlPlaneManifests.objects(EVERYWHERE);

    var expected = new ArrayList<>(CLUSTER_SCOPED);
    expected.addAll(INFORMERS);
    expected.addAll(JOB_NAMESPACE);
    assertThat(of(objects, ClusterRole.class)).singleElement()
        .satisfies(role -> assertThat(describe(role.getRules())).containsExactlyElementsOf(expected));
    assertThat(of(objects, Role.class)).isEmpty();
  }

  @Test
  void listedJobNamespacesGetARoleEachAndTheClusterRoleKeepsWhatIsClusterWide() {
    var objects = ControlPlaneManifests.objects(LISTED);

    assertThat(of(objects, ClusterRole.class)).singleElement()
        .satisfies(role -> assertThat(describe(role.getRules())).containsExactlyElementsOf(CLUSTER_SCOPED));
    assertThat(of(objects, Role.class)).extracting(role -> role.getMetadata().getNamespace())
        .containsExactly("team-a", "team-b");
    var namespaced = new ArrayList<>(INFORMERS);
    namespaced.addAll(JOB_NAMESPACE);
    assertThat(of(objects, Role.class)).allSatisfy(role -> assertThat(describe(role.getRules()))
        .containsExactlyElementsOf(namespaced));
    assertThat(of(objects, RoleBinding.class)).allSatisfy(binding -> {
      assertThat(binding.getRoleRef().getName()).isEqualTo("sparkube-control-plane-sparkube-system");
      assertThat(binding.getSubjects()).singleElement().satisfies(subject -> {
        assertThat(subject.getName()).isEqualTo("sparkube-control-plane");
        assertThat(subject.getNamespace()).isEqualTo("sparkube-system");
      });
    });
  }

  @Test
  void noGrantReachesSecretsExecOrRbacEscalation() {
    var rules = Stream.of(EVERYWHERE, LISTED).flatMap(install -> allRules(install).stream()).toList();

    assertThat(rules).allSatisfy(rule -> {
      assertThat(rule.getResources()).doesNotContain("secrets", "pods/exec", "pods/attach", "pods/portforward",
          "pods/log", "nodes", "*").noneMatch(resource -> resource.startsWith("customresourcedefinitions"));
      assertThat(rule.getVerbs()).doesNotContain("*", "escalate", "bind", "impersonate");
      assertThat(rule.getApiGroups()).doesNotContain("*", "apiextensions.k8s.io", "coordination.k8s.io");
      assertThat(rule.getResourceNames()).isNullOrEmpty();
    });
  }

  /** Kubernetes lets only a holder of every verb a Role grants write that Role: so the control plane holds them. */
  @Test
  void itHoldsEveryVerbADriverRoleMayGrantInEachJobNamespace() {
    var jobs = List.of(Map.<String, String>of(), Map.of(
        "spark.kubernetes.executor.deleteOnTermination", "false",
        "spark.kubernetes.allocation.pods.allocator", "statefulset",
        "spark.kubernetes.driver.annotateExitException", "true",
        "spark.kubernetes.executor.volumes.persistentVolumeClaim.data.options.claimName", "OnDemand",
        "spark.kubernetes.executor.volumes.persistentVolumeClaim.data.mount.path", "/data"));
    var driverRules = new ArrayList<AccessRule>();
    for (var line : SparkLine.values()) {
      jobs.forEach(conf -> driverRules.addAll(DriverAccess.rules(line, Conf.of(conf))));
    }

    for (var install : List.of(EVERYWHERE, LISTED)) {
      var held = allRules(install);
      assertThat(driverRules).isNotEmpty().allSatisfy(rule -> assertThat(rule.verbs()).allSatisfy(verb ->
          assertThat(held).as("%s %s %s", rule.apiGroup(), rule.resource(), verb).anyMatch(h ->
              h.getApiGroups().contains(rule.apiGroup()) && h.getResources().contains(rule.resource())
                  && h.getVerbs().contains(verb))));
    }
  }

  @Test
  void theDeploymentRunsOneNonRootReplicaWithItsTokenAsAFileAndSettingsThatParse() {
    var deployment = of(ControlPlaneManifests.objects(EVERYWHERE), Deployment.class).get(0);
    var spec = deployment.getSpec();
    var pod = spec.getTemplate().getSpec();
    var container = pod.getContainers().get(0);

    assertThat(spec.getReplicas()).isEqualTo(1);
    assertThat(spec.getStrategy().getType()).isEqualTo("Recreate");
    assertThat(pod.getServiceAccountName()).isEqualTo("sparkube-control-plane");
    assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
    assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
    assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
    assertThat(container.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
    assertThat(container.getResources().getLimits()).containsKey("memory");
    assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/healthz");
    assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/readyz");
    assertThat(List.of(container.getLivenessProbe().getHttpGet().getPort().getStrVal(),
        container.getReadinessProbe().getHttpGet().getPort().getStrVal())).containsOnly("metrics");
    assertThat(container.getEnv()).isNullOrEmpty();
    assertThat(pod.getVolumes()).anySatisfy(volume ->
        assertThat(volume.getSecret().getSecretName()).isEqualTo("sparkube-control-plane"));
    assertThat(container.getVolumeMounts()).anySatisfy(mount -> {
      assertThat(mount.getMountPath()).isEqualTo("/etc/sparkube-control-plane");
      assertThat(mount.getReadOnly()).isTrue();
    });

    assertThat(container.getArgs()).startsWith("control-plane", "serve");
    var settings = ControlPlaneSettings.read(Conf.of(settings(container.getArgs())));
    assertThat(settings.installCrds()).isFalse();
    assertThat(settings.managementPort()).isEqualTo(8080);
    assertThat(settings.jobRuns().port()).isEqualTo(8443);
    assertThat(settings.jobRuns().tokenFile()).hasValueSatisfying(file ->
        assertThat(file.toString()).isEqualTo("/etc/sparkube-control-plane/token"));
  }

  @Test
  void theServiceExposesTheApiAndTheMetricsForPrometheus() {
    var service = of(ControlPlaneManifests.objects(EVERYWHERE), Service.class).get(0);

    assertThat(service.getSpec().getPorts()).extracting(port -> port.getName() + " " + port.getPort())
        .containsExactly("api 8443", "metrics 8080");
    assertThat(service.getMetadata().getAnnotations()).containsEntry("prometheus.io/scrape", "true")
        .containsEntry("prometheus.io/port", "8080").containsEntry("prometheus.io/path", "/metrics");
  }

  @Test
  void theCrdsComeFirstAndNoSecretIsAmongTheObjectsPrinted() {
    var objects = ControlPlaneManifests.objects(EVERYWHERE);

    assertThat(objects.subList(0, 2)).extracting(o -> o.getMetadata().getName())
        .containsExactlyElementsOf(Crds.all().stream().map(crd -> crd.getMetadata().getName()).toList());
    assertThat(objects).extracting(HasMetadata::getKind).doesNotContain("Secret")
        .containsSubsequence("Namespace", "ServiceAccount", "ClusterRole", "ClusterRoleBinding", "Deployment",
            "Service");
  }

  /** The {@code -Dkey=value} arguments of the container, as settings. */
  static Map<String, String> settings(List<String> args) {
    var settings = new LinkedHashMap<String, String>();
    args.stream().filter(arg -> arg.startsWith("-D")).map(arg -> arg.substring(2).split("=", 2))
        .forEach(pair -> settings.put(pair[0], pair[1]));
    return settings;
  }

  private static List<PolicyRule> allRules(ControlPlaneInstall install) {
    var objects = ControlPlaneManifests.objects(install);
    var rules = new ArrayList<PolicyRule>();
    of(objects, ClusterRole.class).forEach(role -> rules.addAll(role.getRules()));
    of(objects, Role.class).forEach(role -> rules.addAll(role.getRules()));
    return rules;
  }

  private static List<String> describe(List<PolicyRule> rules) {
    return rules.stream().map(rule -> String.join(",", rule.getApiGroups()) + " "
        + String.join(",", rule.getResources()) + " " + rule.getVerbs()).toList();
  }

  private static <T> List<T> of(List<HasMetadata> objects, Class<T> type) {
    return objects.stream().filter(type::isInstance).map(type::cast).toList();
  }
}
