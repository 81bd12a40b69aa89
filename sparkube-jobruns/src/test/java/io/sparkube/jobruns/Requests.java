package io.sparkube.jobruns;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Valid request bodies for tests to send as they are, or to spoil one member at a time. */
public final class Requests {
  public static final String ROLE = "arn:aws:iam::123456789012:role/spark-jobs";
  public static final String ENTRY_POINT = "local:///opt/spark/examples/jars/spark-examples.jar";

  private Requests() {}

  public static ObjectNode virtualCluster(String clientToken, String name, String namespace) {
    var body = ApiClient.JSON.createObjectNode().put("name", name).put("clientToken", clientToken);
    body.putObject("containerProvider").put("type", "EKS").put("id", "test-cluster")
        .putObject("info").putObject("eksInfo").put("namespace", namespace);
    return body;
  }

  public static ObjectNode jobRun(String clientToken) {
    var body = ApiClient.JSON.createObjectNode().put("name", "spark-pi").put("clientToken", clientToken)
        .put("executionRoleArn", ROLE).put("releaseLabel", "emr-7.5.0-latest");
    var driver = body.putObject("jobDriver").putObject("sparkSubmitJobDriver").put("entryPoint", ENTRY_POINT)
        .put("sparkSubmitParameters", "--class org.apache.spark.examples.SparkPi --conf spark.executor.instances=2");
    driver.putArray("entryPointArguments").add("100");
    return body;
  }

  /** The sparkSubmitJobDriver of a {@link #jobRun} body, to change. */
  public static ObjectNode driverOf(ObjectNode jobRun) {
    return (ObjectNode) jobRun.path("jobDriver").path("sparkSubmitJobDriver");
  }

  /** Creates a virtual cluster through the API and gives its id. */
  public static String createVirtualCluster(ApiClient api, String clientToken, String namespace) {
    var reply = api.post("/virtualclusters", virtualCluster(clientToken, "vc-" + namespace, namespace));
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply.json().path("id").asText();
  }
}
