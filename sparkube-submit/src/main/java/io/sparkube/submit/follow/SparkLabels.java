package io.sparkube.submit.follow;

/** The labels Spark puts on its pods, which is how we find a job's pods. */
final class SparkLabels {
  static final String APP_ID = "spark-app-selector";
  static final String APP_NAME = "spark-app-name";
  static final String ROLE = "spark-role";
  static final String DRIVER = "driver";
  static final String EXECUTOR = "executor";
  static final String DRIVER_CONTAINER = "spark-kubernetes-driver";

  private SparkLabels() {}
}
