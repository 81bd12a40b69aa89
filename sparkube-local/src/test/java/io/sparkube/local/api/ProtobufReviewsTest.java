package io.sparkube.local.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReview;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProtobufReviewsTest {
  /** A length-delimited protobuf field. */
  private static byte[] field(int number, byte[] value) {
    var out = new ByteArrayOutputStream();
    out.write(number << 3 | 2);
    out.write(value.length);
    out.writeBytes(value);
    return out.toByteArray();
  }

  private static byte[] field(int number, String value) {
    return field(number, value.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] concat(byte[]... parts) {
    var out = new ByteArrayOutputStream();
    for (var part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  private static byte[] envelope(String kind, byte[] review) {
    var typeMeta = concat(field(1, "authorization.k8s.io/v1"), field(2, kind));
    return concat(new byte[] {0x6b, 0x38, 0x73, 0x00}, field(1, typeMeta), field(2, review));
  }

  @Test
  void readsASelfSubjectAccessReviewAsKubectlSendsIt() {
    var attributes = concat(field(1, "default"), field(2, "create"), field(5, "pods"));
    var review = concat(field(1, new byte[0]), field(2, field(1, attributes)), field(3, new byte[0]));
    var read = Serialization.unmarshal(ProtobufReviews.json(envelope("SelfSubjectAccessReview", review)),
        SelfSubjectAccessReview.class);
    var resource = read.getSpec().getResourceAttributes();
    assertThat(resource.getNamespace()).isEqualTo("default");
    assertThat(resource.getVerb()).isEqualTo("create");
    assertThat(resource.getResource()).isEqualTo("pods");
    assertThat(resource.getGroup()).isEmpty();
    assertThat(read.getSpec().getNonResourceAttributes()).isNull();
  }

  @Test
  void readsTheUserGroupsAndNonResourceAttributesOfASubjectAccessReview() {
    var spec = concat(field(2, concat(field(1, "/apis"), field(2, "get"))), field(3, "alice"), field(4, "devs"),
        field(4, "system:authenticated"));
    var read = Serialization.unmarshal(ProtobufReviews.json(envelope("SubjectAccessReview", field(2, spec))),
        SubjectAccessReview.class);
    assertThat(read.getSpec().getUser()).isEqualTo("alice");
    assertThat(read.getSpec().getGroups()).containsExactly("devs", "system:authenticated");
    assertThat(read.getSpec().getNonResourceAttributes().getPath()).isEqualTo("/apis");
    assertThat(read.getSpec().getResourceAttributes()).isNull();
  }

  @Test
  void refusesWhatIsNotKubernetesProtobuf() {
    assertThatThrownBy(() -> ProtobufReviews.json("{}".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ProtobufReviews.json(new byte[] {0x6b, 0x38, 0x73, 0x00, 0x0a, 0x7f}))
        .hasMessageContaining("truncated");
  }
}
