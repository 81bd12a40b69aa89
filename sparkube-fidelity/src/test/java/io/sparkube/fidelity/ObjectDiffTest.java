package io.sparkube.fidelity;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

class ObjectDiffTest {

  @Test
  void identicalSubmissionsHaveNoDifference() {
    assertThat(ObjectDiff.compare(captured(pod("A", "B")), captured(pod("A", "B")))).isEmpty();
  }

  @Test
  void aChangedValueShowsItsPathAndBothValues() {
    var spark = captured(pod("A", "B"));
    var ours = captured(new PodBuilder(pod("A", "B")).editSpec().editContainer(0)
        .withImage("other:1").endContainer().endSpec().build());

    var differences = ObjectDiff.unexplained(spark, ours);

    assertThat(differences).singleElement().satisfies(d -> {
      assertThat(d.path()).isEqualTo("spec.containers[0].image");
      assertThat(d.describe()).contains("\"apache/spark:3.5.6\"").contains("\"other:1\"");
    });
  }

  @Test
  void aReorderedListIsOneDifferenceNamingBothOrders() {
    var differences = ObjectDiff.unexplained(captured(pod("A", "B")), captured(pod("B", "A")));

    assertThat(differences).singleElement().satisfies(d -> {
      assertThat(d.orderOnly()).isTrue();
      assertThat(d.path()).isEqualTo("spec.containers[0].env");
      assertThat(d.spark().toString()).isEqualTo("[\"A\",\"B\"]");
    });
  }

  @Test
  void serverAssignedMetadataIsAllowedButNotOtherMetadata() {
    var spark = new PodBuilder(pod("A")).editMetadata().withUid("1").withResourceVersion("7")
        .addToLabels("spark-role", "driver").endMetadata().build();
    var ours = new PodBuilder(pod("A")).editMetadata().withUid("2").withResourceVersion("3")
        .addToLabels("spark-role", "driver").addToLabels("extra", "x").endMetadata().build();

    assertThat(ObjectDiff.unexplained(captured(spark), captured(ours)))
        .extracting(Difference::path).containsExactly("metadata.labels.extra");
  }

  @Test
  void sparkPropertiesCompareAsEntriesAndIgnoreOnlyTheDateComment() {
    var spark = configMap("#Java properties\n#Sat Nov 21 10:22:05 UTC 2026\nb=2\na=1\n");
    var sameInOtherOrder = configMap("#Java properties\n#Sun Nov 22 11:00:00 UTC 2026\na=1\nb=2\n");
    var changed = configMap("#Java properties\n#Sat Nov 21 10:22:05 UTC 2026\na=1\nb=3\n");

    assertThat(ObjectDiff.unexplained(captured(spark), captured(sameInOtherOrder))).isEmpty();
    assertThat(ObjectDiff.unexplained(captured(spark), captured(changed)))
        .extracting(Difference::path).containsExactly("data[\"spark.properties\"].entries.b");
  }

  @Test
  void anObjectOfAnotherKindBreaksTheCreationOrder() {
    var spark = captured(pod("A"), configMap("a=1\n"));
    var ours = captured(configMap("a=1\n"), pod("A"));

    assertThat(ObjectDiff.unexplained(spark, ours))
        .extracting(Difference::path).containsExactly("creationOrder");
  }

  private static CapturedSubmission captured(HasMetadata... objects) {
    return new CapturedSubmission(List.of(), List.of(objects), List.of());
  }

  private static Pod pod(String... envNames) {
    var container = new PodBuilder().withNewMetadata().withName("app-driver").endMetadata()
        .withNewSpec().addNewContainer().withName("spark-kubernetes-driver")
        .withImage("apache/spark:3.5.6").endContainer().endSpec().build();
    for (var name : envNames) {
      container.getSpec().getContainers().get(0).getEnv()
          .add(new io.fabric8.kubernetes.api.model.EnvVar(name, "v", null));
    }
    return container;
  }

  private static HasMetadata configMap(String properties) {
    return new ConfigMapBuilder().withNewMetadata().withName("spark-drv-1-conf-map").endMetadata()
        .addToData("spark.properties", properties).build();
  }
}
