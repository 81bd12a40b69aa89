package io.sparkube.staging.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {
  @Test
  void parsesWhatTheServerSends() {
    var parsed = Json.parse("{\"jobId\":\"j\",\"blobs\":[{\"size\":12,\"url\":\"http://x/a%20b?e=1&s=-_\"}],"
        + "\"ok\":true,\"none\":null,\"f\":1.5,\"esc\":\"a\\\"b\\\\c\\u00e9\\n\"}");

    var map = (Map<?, ?>) parsed;
    assertThat(map.get("jobId")).isEqualTo("j");
    assertThat(map.get("blobs")).isEqualTo(List.of(Map.of("size", 12L, "url", "http://x/a%20b?e=1&s=-_")));
    assertThat(map.get("ok")).isEqualTo(true);
    assertThat(map.containsKey("none") && map.get("none") == null).isTrue();
    assertThat(map.get("f")).isEqualTo(1.5);
    assertThat(map.get("esc")).isEqualTo("a\"b\\cé\n");
  }

  @Test
  void quotesWhatItSends() {
    var text = "a\"b\\c\nd\u0001é";

    assertThat(Json.parse(Json.quote(text))).isEqualTo(text);
  }

  @Test
  void refusesMalformedInput() {
    for (var bad : List.of("{", "{\"a\":}", "[1,]", "\"open", "{} x", "tru")) {
      assertThatThrownBy(() -> Json.parse(bad)).as(bad).isInstanceOf(RuntimeException.class);
    }
  }
}
