package io.sparkube.resources;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JobRunsTest {
  @Test
  void aClientTokenAlwaysNamesTheSameRunOfItsVirtualClusterOnly() {
    var id = JobRuns.idFor("vc1", "token-a");

    assertThat(id).matches("[0-9a-z]{19}").isEqualTo(JobRuns.idFor("vc1", "token-a"));
    assertThat(JobRuns.idFor("vc2", "token-a")).isNotEqualTo(id);
    assertThat(JobRuns.idFor("vc1", "token-b")).isNotEqualTo(id);
    assertThat(JobRuns.virtualClusterIdFor("token-a")).matches("[0-9a-z]{19}").isNotEqualTo(id);
  }
}
