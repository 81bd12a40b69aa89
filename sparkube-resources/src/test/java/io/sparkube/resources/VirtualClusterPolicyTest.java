package io.sparkube.resources;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class VirtualClusterPolicyTest {
  private static VirtualCluster cluster(List<String> allowed, Integer maxExecutors, Integer maxRuns) {
    var vc = new VirtualCluster();
    vc.getMetadata().setName("team-a");
    vc.getSpec().setAllowedIdentities(allowed);
    vc.getSpec().getLimits().setMaxExecutorsPerJob(maxExecutors);
    vc.getSpec().getLimits().setMaxConcurrentRuns(maxRuns);
    return vc;
  }

  @Test
  void identitiesMatchTheAllowedGlobsAndAnEmptyListAllowsAll() {
    var policy = new VirtualClusterPolicy(cluster(List.of("aws-irsa:arn:aws:iam::111122223333:role/team-a-*", "none"),
        null, null));

    assertThat(policy.refusedIdentity("aws-irsa:arn:aws:iam::111122223333:role/team-a-etl")).isEmpty();
    assertThat(policy.refusedIdentity("none")).isEmpty();
    assertThat(policy.refusedIdentity("aws-irsa:arn:aws:iam::111122223333:role/team-b-etl")).get().asString()
        .contains("is not allowed in virtual cluster team-a").contains("team-a-*");
    assertThat(policy.refusedIdentity("aws-irsa:arn:aws:iam::111122223333:role/team-a.etl(")).isNotEmpty();
    assertThat(new VirtualClusterPolicy(cluster(List.of(), null, null)).refusedIdentity("gcp:x@y.iam.gserviceaccount.com"))
        .isEmpty();
  }

  @Test
  void limitsApplyOnlyWhenSet() {
    var limited = new VirtualClusterPolicy(cluster(List.of(), 4, 2));
    assertThat(limited.refusedExecutors("spark.executor.instances", 4)).isEmpty();
    assertThat(limited.refusedExecutors("spark.executor.instances", 5)).get().asString().contains("at most 4");
    assertThat(limited.roomFor(1)).isTrue();
    assertThat(limited.roomFor(2)).isFalse();
    var open = new VirtualClusterPolicy(cluster(List.of(), null, null));
    assertThat(open.refusedExecutors("spark.executor.instances", 10_000)).isEmpty();
    assertThat(open.roomFor(10_000)).isTrue();
  }
}
