package io.sparkube.submit;

/** The labels and names Spark puts on its pods, which Sparkube both writes and selects by. */
public final class SparkLabels {
  public static final String APP_ID = "spark-app-selector";
  public static final String APP_NAME = "spark-app-name";
  public static final String VERSION = "spark-version";
  public static final String ROLE = "spark-role";
  public static final String DRIVER = "driver";
  public static final String EXECUTOR = "executor";
  public static final String DRIVER_CONTAINER = "spark-kubernetes-driver";

  private SparkLabels() {}
}
