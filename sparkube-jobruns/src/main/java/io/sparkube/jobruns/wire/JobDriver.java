package io.sparkube.jobruns.wire;

import java.util.List;

/** What a job run runs; exactly one member is set. */
public record JobDriver(SparkSubmitJobDriver sparkSubmitJobDriver, SparkSqlJobDriver sparkSqlJobDriver) {

  /** A spark-submit: the application, its arguments, and spark-submit's flags in one string. */
  public record SparkSubmitJobDriver(String entryPoint, List<String> entryPointArguments,
      String sparkSubmitParameters) {}

  /** A Spark SQL script; read so that it can be refused by name. */
  public record SparkSqlJobDriver(String entryPoint, String sparkSqlParameters) {}
}
