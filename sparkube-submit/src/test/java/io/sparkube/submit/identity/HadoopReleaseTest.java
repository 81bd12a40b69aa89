package io.sparkube.submit.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sparkube.model.SparkLine;
import io.sparkube.model.error.SparkubeException;
import org.junit.jupiter.api.Test;

class HadoopReleaseTest {
  @Test
  void sparkLinesShipTheirHadoop() {
    assertThat(HadoopRelease.bundledWith(SparkLine.V3_5).awsSdkV2()).isFalse();
    assertThat(HadoopRelease.bundledWith(SparkLine.V4_0).awsSdkV2()).isTrue();
    assertThat(HadoopRelease.bundledWith(SparkLine.V4_1).abfsWorkloadIdentity()).isTrue();
  }

  @Test
  void featuresFollowTheRelease() {
    assertThat(HadoopRelease.parse("k", "3.4.0").awsSdkV2()).isTrue();
    assertThat(HadoopRelease.parse("k", "3.4.0").abfsWorkloadIdentity()).isFalse();
    assertThat(HadoopRelease.parse("k", "3.4.1").abfsWorkloadIdentity()).isTrue();
    assertThat(HadoopRelease.parse("k", "3.3.6-amzn-1").awsSdkV2()).isFalse();
    assertThat(HadoopRelease.parse("k", "3.3").msiNeedsTenantAndClient()).isTrue();
    assertThat(HadoopRelease.parse("k", "3.5.0").abfsWorkloadIdentity()).isTrue();
  }

  @Test
  void otherVersionsAreRefused() {
    assertThatThrownBy(() -> HadoopRelease.parse("spark.sparkube.hadoop.version", "2.10.2"))
        .isInstanceOf(SparkubeException.class)
        .hasMessage("spark.sparkube.hadoop.version=2.10.2 is not a Hadoop 3 version; give the image's Hadoop version,"
            + " e.g. 3.3.4 or 3.4.1");
  }
}
