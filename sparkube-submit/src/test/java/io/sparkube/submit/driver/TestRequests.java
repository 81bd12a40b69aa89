package io.sparkube.submit.driver;

import io.sparkube.model.SparkLine;
import io.sparkube.model.config.Conf;
import io.sparkube.submit.MainAppResource;
import io.sparkube.submit.SubmitEnvironment;
import io.sparkube.submit.SubmitRequest;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Small requests for planner and step tests, with a fixed environment. */
public final class TestRequests {
  public static final SubmissionIds IDS = new SubmissionIds("spark-0123456789abcdef0123456789abcdef",
      "a1b2c3190f3a1b2c", "d4e5f6190f3a1b2d", "0a0b0c190f3a1b2e", "11111111-2222-3333-4444-555555555555");
  public static final SubmitEnvironment ENV = new SubmitEnvironment(Map.of(), "alice", Path.of("/work"));

  private TestRequests() {}

  public static SubmitRequest javaApp(Map<String, String> extraConf) {
    var conf = new LinkedHashMap<String, String>();
    conf.put("spark.master", "k8s://https://example:6443");
    conf.put("spark.submit.deployMode", "cluster");
    conf.put("spark.app.name", "spark-pi");
    conf.put("spark.kubernetes.container.image", "apache/spark:3.5.6");
    conf.put("spark.jars", "local:///opt/spark/examples/jars/spark-examples.jar");
    conf.putAll(extraConf);
    return new SubmitRequest(Conf.of(conf),
        new MainAppResource.JavaResource(Optional.of("local:///opt/spark/examples/jars/spark-examples.jar")),
        "org.apache.spark.examples.SparkPi", List.of("100"), Optional.empty(), ENV);
  }

  /** A driver conf for step tests: the Java app above plus {@code extraConf}. */
  public static DriverConf driverConf(SparkLine line, Map<String, String> extraConf) {
    var request = javaApp(extraConf);
    return new DriverConf(request.conf(), line, line.referenceVersion(), IDS, request);
  }

  public static DriverConf driverConf(SparkLine line, SubmitRequest request) {
    return new DriverConf(request.conf(), line, line.referenceVersion(), IDS, request);
  }
}
