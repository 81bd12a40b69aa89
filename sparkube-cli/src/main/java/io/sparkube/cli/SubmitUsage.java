package io.sparkube.cli;

/** The help text of sparkube submit, in spark-submit's words where the flags are spark-submit's. */
final class SubmitUsage {
  private SubmitUsage() {}

  static final String TEXT = """
      Usage: sparkube submit [options] <app jar | python file | R file> [app arguments]

      Submits a Spark application to Kubernetes in cluster mode, as spark-submit would, and
      follows it until the driver ends (its exit code becomes sparkube's).

      spark-submit options:
        --master k8s://[http[s]://]HOST[:PORT]  API server (https when no scheme). Default: kubeconfig.
        --deploy-mode cluster                   The only mode: the driver runs in a pod.
        --class CLASS                           The application's main class (JVM apps).
        --name NAME                             Application name.
        --conf, -c KEY=VALUE                    Any Spark setting; repeatable.
        --properties-file FILE                  Extra settings (default: $SPARK_CONF_DIR/spark-defaults.conf).
        --jars, --files, --py-files, --archives Comma-separated remote (https, s3a, gs, abfs, hdfs) or local:// URIs.
        --packages, --repositories, --exclude-packages
                                                Maven coordinates the driver resolves.
        --driver-memory MEM, --driver-cores N, --driver-java-options OPTS,
        --driver-class-path PATH, --driver-library-path PATH
        --executor-memory MEM, --executor-cores N, --num-executors N
        --proxy-user NAME                       User to impersonate in the driver.
        --verbose, -v                           Print the resolved settings.
        --kubernetes-namespace NS               Early alias of --conf spark.kubernetes.namespace=NS.

      Sparkube options:
        --spark-version 3.5|4.0|4.1|X.Y.Z       The job's Spark line; default: from the image tag.
        --dry-run                               Print every object that would be created, as YAML; create nothing.
        --no-wait                               Create the driver, print namespace:pod and exit.
        --kubeconfig FILE, --context NAME       Which kubeconfig and context to use.
        --identity ID                           Cloud identity of driver and executors: aws-irsa:<role-arn>,
                                                aws-pod-identity:<role-arn>, azure:<client-id>[@<tenant-id>],
                                                azure-pod-identity:<binding>, gcp:<gsa-email> or none.
        --identity-injection auto|sparkube|webhook
                                                Who adds the identity's token to pods (default auto: Sparkube,
                                                unless the cluster has the provider's webhook).
        --no-rbac                               Do not create the driver's Role and RoleBinding.
      """;
}
