package io.sparkube.submit.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.sparkube.model.SparkLine;
import io.sparkube.model.config.Conf;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DriverAccessTest {
  private static List<String> rules(SparkLine line, Map<String, String> conf) {
    return DriverAccess.rules(line, Conf.of(conf)).stream()
        .map(r -> (r.apiGroup().isEmpty() ? "" : r.apiGroup() + "/") + r.resource() + " " + String.join(",", r.verbs()))
        .toList();
  }

  /** As JobPlanner hands it over: claim bookkeeping off for a job that makes no claims. */
  private static List<String> plannedRules(SparkLine line, Map<String, String> conf) {
    var narrowed = DriverAccess.withoutUnusedClaimCalls(line, Conf.of(conf));
    return rules(line, narrowed.asMap());
  }

  @ParameterizedTest
  @EnumSource(SparkLine.class)
  void aPlainJobGetsPodsItsConfigMapAndItsServiceCleanUpOnly(SparkLine line) {
    assertThat(plannedRules(line, Map.of())).containsExactly(
        "pods get,list,watch,create,delete,deletecollection",
        "configmaps create,deletecollection",
        "services deletecollection");
  }

  @ParameterizedTest
  @EnumSource(SparkLine.class)
  void sparksClaimBookkeepingNeedsClaimAccessUnlessTurnedOff(SparkLine line) {
    assertThat(rules(line, Map.of())).contains("persistentvolumeclaims list,deletecollection");
    assertThat(DriverAccess.withoutUnusedClaimCalls(line, Conf.empty()).asMap())
        .containsEntry("spark.kubernetes.driver.ownPersistentVolumeClaim", "false");
    // The user's own choice stands, and is granted what it needs.
    var own = Map.of("spark.kubernetes.driver.ownPersistentVolumeClaim", "true",
        "spark.kubernetes.driver.reusePersistentVolumeClaim", "false");
    assertThat(plannedRules(line, own)).contains("persistentvolumeclaims deletecollection");
  }

  @ParameterizedTest
  @EnumSource(SparkLine.class)
  void keptExecutorsAreLabelledNotDeleted(SparkLine line) {
    assertThat(plannedRules(line, Map.of("spark.kubernetes.executor.deleteOnTermination", "false"))).containsExactly(
        "pods get,list,watch,create,delete,deletecollection,patch",
        "configmaps create",
        "services deletecollection");
  }

  @ParameterizedTest
  @EnumSource(SparkLine.class)
  void onDemandClaimsAddClaimsAndNothingElseDoes(SparkLine line) {
    var onDemand = Map.of(
        "spark.kubernetes.executor.volumes.persistentVolumeClaim.data.mount.path", "/data",
        "spark.kubernetes.executor.volumes.persistentVolumeClaim.data.options.claimName", "OnDemand",
        "spark.kubernetes.executor.volumes.persistentVolumeClaim.data.options.sizeLimit", "1Gi");
    assertThat(plannedRules(line, onDemand)).contains("persistentvolumeclaims list,create,deletecollection");
    assertThat(DriverAccess.withoutUnusedClaimCalls(line, Conf.of(onDemand)).asMap())
        .doesNotContainKey("spark.kubernetes.driver.ownPersistentVolumeClaim");

    var existingClaim = Map.of(
        "spark.kubernetes.executor.volumes.persistentVolumeClaim.data.mount.path", "/data",
        "spark.kubernetes.executor.volumes.persistentVolumeClaim.data.options.claimName", "shared");
    assertThat(plannedRules(line, existingClaim)).noneMatch(r -> r.startsWith("persistentvolumeclaims"));
  }

  @ParameterizedTest
  @EnumSource(SparkLine.class)
  void theStatefulSetAllocatorNeedsStatefulSets(SparkLine line) {
    assertThat(rules(line, Map.of("spark.kubernetes.allocation.pods.allocator", "statefulset"))).contains(
        "pods get,list,watch,create,delete,deletecollection,patch",
        "apps/statefulsets get,create,delete",
        "apps/statefulsets/scale get,update");
  }

  @ParameterizedTest
  @EnumSource(SparkLine.class)
  void optionalCallsGoWithTheirSettings(SparkLine line) {
    assertThat(plannedRules(line, Map.of("spark.kubernetes.executor.disableConfigMap", "true",
        "spark.kubernetes.driver.service.deleteOnTermination", "false")))
        .containsExactly("pods get,list,watch,create,delete,deletecollection");
    assertThat(rules(line, Map.of("spark.kubernetes.executor.decommissionLabel", "leaving")).get(0)).endsWith(",patch");
    // Only 4.1 annotates the driver pod with the exception that ended it.
    assertThat(rules(line, Map.of("spark.kubernetes.driver.annotateExitException", "true")).get(0).endsWith(",patch"))
        .isEqualTo(line == SparkLine.V4_1);
  }

  @ParameterizedTest
  @EnumSource(SparkLine.class)
  void neverSecretsNorExec(SparkLine line) {
    assertThat(rules(line, Map.of("spark.kubernetes.executor.deleteOnTermination", "false",
        "spark.kubernetes.allocation.pods.allocator", "statefulset")))
        .noneMatch(r -> r.contains("secrets") || r.contains("exec") || r.contains("*"));
  }
}
