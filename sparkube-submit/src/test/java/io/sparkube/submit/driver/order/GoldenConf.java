package io.sparkube.submit.driver.order;

import java.util.LinkedHashMap;
import java.util.Map;

/** One conf whose orders we read off the real Spark 3.5.6, 4.0.2 and 4.1.0 (see ScalaOrderAgainstScalaTest). */
final class GoldenConf {
  static final String ENV = "spark.kubernetes.driverEnv.";
  static final String VOLUMES = "spark.kubernetes.driver.volumes.";

  private GoldenConf() {}

  static Map<String, String> settings() {
    var settings = new LinkedHashMap<String, String>();
    settings.put("spark.app.name", "pi");
    settings.put("spark.master", "k8s://https://kubernetes.default.svc");
    settings.put("spark.submit.deployMode", "cluster");
    for (var name : new String[] {"HOME", "PATH", "LOG_LEVEL", "AWS_REGION", "JAVA_OPTS", "TZ", "USER"}) {
      settings.put(ENV + name, name.toLowerCase());
    }
    for (var name : new String[] {"data", "scratch", "cache", "logs", "tmp", "work"}) {
      settings.put(VOLUMES + "hostPath." + name + ".mount.path", "/mnt/" + name);
      settings.put(VOLUMES + "hostPath." + name + ".options.path", "/host/" + name);
    }
    return settings;
  }
}
