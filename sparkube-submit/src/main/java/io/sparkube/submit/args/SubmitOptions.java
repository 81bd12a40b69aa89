package io.sparkube.submit.args;

import java.util.Optional;

/**
 * Sparkube's own choices for one submission, next to what Spark's client receives.
 *
 * @param waitForCompletion false with --no-wait or spark.kubernetes.submission.waitAppCompletion=false
 * @param sparkVersion --spark-version as given ("3.5", "4.0.2" ...); see {@link SparkLineResolver}
 * @param context --context, else spark.kubernetes.context (which Spark's own client honours)
 * @param master the master URL as given (--master, else spark.master, else $MASTER); empty means
 *     the kubeconfig's cluster
 * @param loadSparkDefaults --load-spark-defaults was given; Spark 3.5 rejects it (see LineChecks)
 */
public record SubmitOptions(
    boolean dryRun,
    boolean waitForCompletion,
    Optional<String> sparkVersion,
    Optional<String> kubeconfig,
    Optional<String> context,
    boolean verbose,
    Optional<String> master,
    boolean loadSparkDefaults) {}
