package io.sparkube.fidelity;

import static io.sparkube.fidelity.FidelityCase.onAllLines;
import static io.sparkube.fidelity.FidelityCase.onLines;

import io.sparkube.model.SparkLine;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Representative spark-submit command lines: the running-on-kubernetes docs example, then one
 * concern per case the way users combine them. Everything the driver needs is remote
 * (local://, https://, s3a://) or a pod template, as nothing here uploads local files.
 */
final class FidelityCases {
  private static final String SPARK_PI = "org.apache.spark.examples.SparkPi";
  private static final EnumSet<SparkLine> FROM_4_0 = EnumSet.of(SparkLine.V4_0, SparkLine.V4_1);
  private static final EnumSet<SparkLine> UP_TO_4_0 = EnumSet.of(SparkLine.V3_5, SparkLine.V4_0);
  private static final EnumSet<SparkLine> ONLY_4_1 = EnumSet.of(SparkLine.V4_1);

  private FidelityCases() {}

  static List<FidelityCase> all() {
    return List.of(
        onAllLines("spark-pi from the docs", line -> List.of(
            "--name", "spark-pi",
            "--class", SPARK_PI,
            "--conf", "spark.executor.instances=5",
            "--conf", "spark.kubernetes.container.image=" + image(line),
            examplesJar(line), "1000")),
        onAllLines("no name: app name from the main class", line -> pi(line)),
        onAllLines("app name needing sanitising", line -> pi(line,
            "--name", "Nightly ETL_job v2.1 (Revenue)")),
        onAllLines("namespace and in-cluster API URL", line -> pi(line,
            "--conf", "spark.kubernetes.namespace=analytics",
            "--conf", "spark.kubernetes.driver.master=https://kubernetes.default.svc:443")),
        onAllLines("image, pull policy and pull secrets", line -> pi(line,
            "--conf", "spark.kubernetes.driver.container.image=registry.example.com/spark-driver:"
                + line.referenceVersion(),
            "--conf", "spark.kubernetes.executor.container.image=registry.example.com/spark:"
                + line.referenceVersion(),
            "--conf", "spark.kubernetes.container.image.pullPolicy=Always",
            "--conf", "spark.kubernetes.container.image.pullSecrets=regcred,mirror-cred")),
        // The tag names no version, so sparkube needs --spark-version (and says so without it).
        onAllLines("image with {{SPARK_VERSION}}", line -> javaApp(line, List.of(
            "--conf", "spark.kubernetes.container.image=apache/spark:{{SPARK_VERSION}}")))
            .withSparkubeFlags(line -> List.of("--spark-version", line.referenceVersion())),
        onAllLines("driver pod name", line -> pi(line,
            "--conf", "spark.kubernetes.driver.pod.name=nightly-etl-driver")),
        onAllLines("driver and executor labels and annotations", line -> pi(line,
            "--conf", "spark.kubernetes.driver.label.team=data",
            "--conf", "spark.kubernetes.driver.label.app.kubernetes.io/part-of=etl",
            "--conf", "spark.kubernetes.driver.label.run={{APP_ID}}",
            "--conf", "spark.kubernetes.driver.annotation.owner=alice@example.com",
            "--conf", "spark.kubernetes.driver.annotation.app-id={{APP_ID}}",
            "--conf", "spark.kubernetes.executor.label.team=data",
            "--conf", "spark.kubernetes.executor.annotation.exec={{EXECUTOR_ID}}")),
        onAllLines("service labels, annotations and IP families", line -> pi(line,
            "--conf", "spark.kubernetes.driver.service.label.expose=true",
            "--conf", "spark.kubernetes.driver.service.annotation.prometheus.io/scrape=true",
            "--conf", "spark.kubernetes.driver.service.annotation.prometheus.io/port=4040",
            "--conf", "spark.kubernetes.driver.service.ipFamilyPolicy=PreferDualStack",
            "--conf", "spark.kubernetes.driver.service.ipFamilies=IPv4,IPv6",
            "--conf", "spark.kubernetes.driver.service.deleteOnTermination=false")),
        onAllLines("driver and executor env", line -> pi(line,
            "--conf", "spark.kubernetes.driverEnv.LOG_LEVEL=debug",
            "--conf", "spark.kubernetes.driverEnv.AWS_REGION=eu-west-1",
            "--conf", "spark.executorEnv.AWS_REGION=eu-west-1")),
        onAllLines("secret mounts and secretKeyRef env", line -> pi(line,
            "--conf", "spark.kubernetes.driver.secrets.spark-secret=/etc/secrets",
            "--conf", "spark.kubernetes.driver.secrets.tls-certs=/etc/tls",
            "--conf", "spark.kubernetes.driver.secretKeyRef.DB_PASSWORD=db-creds:password",
            "--conf", "spark.kubernetes.executor.secrets.spark-secret=/etc/secrets",
            "--conf", "spark.kubernetes.executor.secretKeyRef.DB_PASSWORD=db-creds:password")),
        onAllLines("hostPath and emptyDir volumes", line -> pi(line,
            "--conf", "spark.kubernetes.driver.volumes.hostPath.data.mount.path=/data",
            "--conf", "spark.kubernetes.driver.volumes.hostPath.data.options.path=/mnt/disks/ssd0",
            "--conf", "spark.kubernetes.driver.volumes.hostPath.data.options.type=Directory",
            "--conf", "spark.kubernetes.driver.volumes.emptyDir.scratch.mount.path=/scratch",
            "--conf", "spark.kubernetes.driver.volumes.emptyDir.scratch.options.medium=Memory",
            "--conf", "spark.kubernetes.driver.volumes.emptyDir.scratch.options.sizeLimit=1Gi")),
        onAllLines("PVC and NFS volumes", line -> pi(line,
            "--conf", "spark.kubernetes.driver.volumes.persistentVolumeClaim.ckpt.mount.path=/checkpoints",
            "--conf", "spark.kubernetes.driver.volumes.persistentVolumeClaim.ckpt.mount.readOnly=true",
            "--conf", "spark.kubernetes.driver.volumes.persistentVolumeClaim.ckpt.mount.subPath=job-1",
            "--conf", "spark.kubernetes.driver.volumes.persistentVolumeClaim.ckpt.options.claimName=checkpoints",
            "--conf", "spark.kubernetes.driver.volumes.nfs.shared.mount.path=/shared",
            "--conf", "spark.kubernetes.driver.volumes.nfs.shared.mount.readOnly=false",
            "--conf", "spark.kubernetes.driver.volumes.nfs.shared.options.server=nfs.example.com",
            "--conf", "spark.kubernetes.driver.volumes.nfs.shared.options.path=/exports/shared")),
        onAllLines("on-demand PVC as local dir", line -> pi(line,
            "--conf", "spark.kubernetes.driver.volumes.persistentVolumeClaim.spark-local-dir-1.options.claimName=OnDemand",
            "--conf", "spark.kubernetes.driver.volumes.persistentVolumeClaim.spark-local-dir-1.options.storageClass=gp3",
            "--conf", "spark.kubernetes.driver.volumes.persistentVolumeClaim.spark-local-dir-1.options.sizeLimit=10Gi",
            "--conf", "spark.kubernetes.driver.volumes.persistentVolumeClaim.spark-local-dir-1.mount.path=/data")),
        onAllLines("node selectors", line -> pi(line,
            "--conf", "spark.kubernetes.node.selector.kubernetes.io/arch=amd64",
            "--conf", "spark.kubernetes.driver.node.selector.pool=drivers",
            "--conf", "spark.kubernetes.executor.node.selector.pool=executors")),
        onAllLines("driver and executor pod templates", line -> pi(line,
            "--conf", "spark.kubernetes.driver.podTemplateFile=" + path(PodTemplateFiles.DRIVER),
            "--conf", "spark.kubernetes.driver.podTemplateContainerName=spark-driver",
            "--conf", "spark.kubernetes.executor.podTemplateFile=" + path(PodTemplateFiles.EXECUTOR),
            "--conf", "spark.kubernetes.executor.podTemplateContainerName=spark-executor")),
        onAllLines("driver memory and overhead factor", line -> pi(line,
            "--driver-memory", "4g",
            "--conf", "spark.driver.memoryOverheadFactor=0.2",
            "--executor-memory", "8g",
            "--conf", "spark.executor.memoryOverhead=1g")),
        onAllLines("memory overhead for a JVM-light app", line -> pi(line,
            "--driver-memory", "512m",
            "--conf", "spark.kubernetes.memoryOverheadFactor=0.4")),
        onLines("minimum memory overhead (4.0+)", FROM_4_0, line -> pi(line,
            "--driver-memory", "1g",
            "--conf", "spark.driver.minMemoryOverhead=1g",
            "--conf", "spark.executor.minMemoryOverhead=512m")),
        onAllLines("driver cores, request and limit", line -> pi(line,
            "--driver-cores", "2",
            "--conf", "spark.kubernetes.driver.request.cores=1500m",
            "--conf", "spark.kubernetes.driver.limit.cores=2",
            "--executor-cores", "4",
            "--num-executors", "3")),
        onAllLines("service accounts and scheduler", line -> pi(line,
            "--conf", "spark.kubernetes.authenticate.driver.serviceAccountName=spark-driver",
            "--conf", "spark.kubernetes.authenticate.executor.serviceAccountName=spark-executor",
            "--conf", "spark.kubernetes.scheduler.name=batch-scheduler",
            "--conf", "spark.kubernetes.driver.scheduler.name=driver-scheduler")),
        onAllLines("driver, block manager and UI ports", line -> pi(line,
            "--conf", "spark.driver.port=7000",
            "--conf", "spark.driver.blockManager.port=7001",
            "--conf", "spark.ui.port=4141")),
        onLines("Spark Connect port (4.1)", ONLY_4_1, line -> pi(line,
            "--conf", "spark.connect.grpc.binding.port=15010")),
        onAllLines("remote jars, files and archives", line -> pi(line,
            "--jars", "https://repo.example.com/libs/udfs-1.2.jar,s3a://artifacts/libs/delta.jar",
            "--files", "https://config.example.com/app.conf,s3a://artifacts/conf/log4j2.properties",
            "--archives", "s3a://artifacts/envs/venv.tar.gz#environment")),
        onAllLines("--packages resolved from the local Maven cache", line -> pi(line,
            "--packages", "org.slf4j:slf4j-api:2.0.17",
            "--conf", "spark.jars.ivy=" + path(PodTemplateFiles.DIR.resolve("ivy")))),
        onAllLines("driver java options and class path", line -> pi(line,
            "--driver-java-options", "-XX:+UseG1GC -Dconfig.resource=prod.conf",
            "--driver-class-path", "/opt/extra/jars/*",
            "--driver-library-path", "/opt/native",
            "--conf", "spark.executor.extraJavaOptions=-XX:+UseG1GC")),
        onAllLines("proxy user", line -> pi(line, "--proxy-user", "alice")),
        onAllLines("PySpark pi", line -> List.of(
            "--name", "pyspark-pi",
            "--conf", "spark.kubernetes.container.image=" + image(line),
            "--py-files", "s3a://artifacts/py/helpers.zip",
            "--conf", "spark.pyspark.python=python3",
            "local:///opt/spark/examples/src/main/python/pi.py", "10")),
        onLines("PySpark with pythonVersion (deprecated, removed in 4.1)", UP_TO_4_0, line -> List.of(
            "--conf", "spark.kubernetes.container.image=" + image(line),
            "--conf", "spark.kubernetes.pyspark.pythonVersion=3",
            "local:///opt/spark/examples/src/main/python/pi.py")),
        onAllLines("AWS IRSA with s3a", line -> List.of(
            "--name", "etl-irsa",
            "--class", "com.example.etl.Main",
            "--conf", "spark.kubernetes.container.image=" + image(line),
            "--conf", "spark.kubernetes.namespace=data-jobs",
            "--conf", "spark.kubernetes.authenticate.driver.serviceAccountName=spark-irsa",
            "--conf", "spark.kubernetes.authenticate.executor.serviceAccountName=spark-irsa",
            "--conf", "spark.hadoop.fs.s3a.aws.credentials.provider="
                + "com.amazonaws.auth.WebIdentityTokenCredentialsProvider",
            "--conf", "spark.hadoop.fs.s3a.endpoint.region=us-east-1",
            "--jars", "s3a://my-bucket/libs/hadoop-aws-3.3.4.jar",
            "s3a://my-bucket/jobs/etl.jar", "s3a://my-bucket/input/", "s3a://my-bucket/output/")),
        onAllLines("Azure workload identity", line -> List.of(
            "--name", "etl-azure",
            "--class", "com.example.etl.Main",
            "--conf", "spark.kubernetes.container.image=" + image(line),
            "--conf", "spark.kubernetes.authenticate.driver.serviceAccountName=spark-wi",
            "--conf", "spark.kubernetes.authenticate.executor.serviceAccountName=spark-wi",
            "--conf", "spark.kubernetes.driver.label.azure.workload.identity/use=true",
            "--conf", "spark.kubernetes.executor.label.azure.workload.identity/use=true",
            "--conf", "spark.hadoop.fs.azure.account.auth.type=OAuth",
            "--conf", "spark.hadoop.fs.azure.account.oauth.provider.type="
                + "org.apache.hadoop.fs.azurebfs.oauth2.WorkloadIdentityTokenProvider",
            "abfss://jobs@account.dfs.core.windows.net/etl.jar")),
        onAllLines("very long app name (service name fallback)", line -> pi(line,
            "--name", "nightly-customer-revenue-aggregation-pipeline-for-emea-region")),
        onAllLines("OAuth token for the driver (a Secret)", line -> pi(line,
            "--conf", "spark.kubernetes.authenticate.driver.oauthToken=not-a-real-token")),
        onAllLines("tmpfs local dir from spark.local.dir", line -> pi(line,
            "--conf", "spark.kubernetes.local.dirs.tmpfs=true",
            "--conf", "spark.local.dir=/tmp/spark-scratch")),
        // Not on 3.5: its LocalDirsFeatureStep shuffles the dirs in place at random (Scala 2.12's
        // Array.toArray returns the same array to Utils.randomize), so no order can be expected.
        onLines("several local dirs (4.0+)", FROM_4_0, line -> pi(line,
            "--conf", "spark.local.dir=/tmp/spark-a,/tmp/spark-b,/tmp/spark-c")),
        onAllLines("executor sizing and dynamic allocation", line -> pi(line,
            "--executor-memory", "6g",
            "--executor-cores", "2",
            "--conf", "spark.dynamicAllocation.enabled=true",
            "--conf", "spark.dynamicAllocation.shuffleTracking.enabled=true",
            "--conf", "spark.dynamicAllocation.maxExecutors=20",
            "--conf", "spark.kubernetes.executor.podNamePrefix=pi-exec")),
        onAllLines("application arguments with spaces and symbols", line -> javaApp(line,
            List.of("--conf", "spark.kubernetes.container.image=" + image(line)),
            "hello world", "--input=s3a://b/in", "a=b", "$HOME")),
        onAllLines("SparkR", line -> List.of(
            "--conf", "spark.kubernetes.container.image=" + image(line),
            "local:///opt/spark/examples/src/main/r/dataframe.R")),
        onLines("excluded driver feature step (4.1)", ONLY_4_1, line -> pi(line,
            "--conf", "spark.kubernetes.driver.pod.excludedFeatureSteps="
                + "org.apache.spark.deploy.k8s.features.LocalDirsFeatureStep")));
  }

  /** (line, case) for every case that applies to the line. */
  static Stream<Arguments> arguments() {
    return Stream.of(SparkLine.values()).flatMap(line -> all().stream()
        .filter(c -> c.lines().contains(line))
        .map(c -> Arguments.of(line, c)));
  }

  static String image(SparkLine line) {
    return "apache/spark:" + line.referenceVersion();
  }

  static String examplesJar(SparkLine line) {
    return "local:///opt/spark/examples/jars/spark-examples_" + line.scalaBinaryVersion() + "-"
        + line.referenceVersion() + ".jar";
  }

  /** SparkPi with the line's image and some extra flags. */
  private static List<String> pi(SparkLine line, String... flags) {
    var all = new ArrayList<>(List.of(flags));
    all.addAll(List.of("--conf", "spark.kubernetes.container.image=" + image(line)));
    return javaApp(line, all, "100");
  }

  private static List<String> javaApp(SparkLine line, List<String> flags, String... appArgs) {
    var argv = new ArrayList<String>();
    argv.addAll(List.of("--class", SPARK_PI));
    argv.addAll(flags);
    argv.add(examplesJar(line));
    argv.addAll(List.of(appArgs));
    return argv;
  }

  private static String path(Path path) {
    return path.toAbsolutePath().toString();
  }
}
