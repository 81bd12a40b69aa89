package io.sparkube.submit.driver.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Secret;
import io.sparkube.model.SparkLine;
import io.sparkube.submit.MainAppResource;
import io.sparkube.submit.SubmitEnvironment;
import io.sparkube.submit.SubmitRequest;
import io.sparkube.submit.driver.SparkPod;
import io.sparkube.submit.driver.TestRequests;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The steps small enough to test in a few lines each. */
class SmallStepsTest {

  @Test
  void secretsAreMountedAndSecretKeyRefsBecomeEnv() {
    var conf = TestRequests.driverConf(SparkLine.V3_5, Map.of(
        "spark.kubernetes.driver.secrets.db-pass", "/etc/db",
        "spark.kubernetes.driver.secretKeyRef.DB_USER", "db-pass:user"));
    var mounted = new MountSecretsStep(conf).configurePod(SparkPod.initial());
    assertThat(mounted.pod().getSpec().getVolumes().get(0).getSecret().getSecretName()).isEqualTo("db-pass");
    assertThat(mounted.container().getVolumeMounts().get(0).getName()).isEqualTo("db-pass-volume");
    var env = new EnvSecretsStep(conf).configurePod(SparkPod.initial()).container().getEnv().get(0);
    assertThat(env.getValueFrom().getSecretKeyRef().getName()).isEqualTo("db-pass");
    assertThat(env.getValueFrom().getSecretKeyRef().getKey()).isEqualTo("user");
    assertThatThrownBy(() -> new EnvSecretsStep(TestRequests.driverConf(SparkLine.V3_5,
        Map.of("spark.kubernetes.driver.secretKeyRef.X", "nocolon")))).hasMessageContaining("secret-name:key");
  }

  @Test
  void localDirsDefaultToAFreshEmptyDir() {
    var pod = new LocalDirsStep(TestRequests.driverConf(SparkLine.V3_5, Map.of())).configurePod(SparkPod.initial());
    var dir = "/var/data/spark-" + TestRequests.IDS.localDirId();
    assertThat(pod.container().getEnv()).extracting(EnvVar::getValue).containsExactly(dir);
    assertThat(pod.container().getVolumeMounts().get(0).getMountPath()).isEqualTo(dir);
    var tmpfs = new LocalDirsStep(TestRequests.driverConf(SparkLine.V3_5,
        Map.of("spark.local.dir", "/a,/b", "spark.kubernetes.local.dirs.tmpfs", "true"))).configurePod(SparkPod.initial());
    assertThat(tmpfs.pod().getSpec().getVolumes()).extracting(v -> v.getEmptyDir().getMedium())
        .containsExactly("Memory", "Memory");
  }

  @Test
  void pythonDriversGetPythonFromConfThenFromTheSubmittersEnv() {
    var java = TestRequests.javaApp(Map.of("spark.pyspark.python", "python3.11"));
    var env = new SubmitEnvironment(Map.of("PYSPARK_DRIVER_PYTHON", "ignored"), "alice", Path.of("/"));
    var python = new SubmitRequest(java.conf(), new MainAppResource.PythonResource("local:///app.py"),
        "org.apache.spark.deploy.PythonRunner", List.of("a"), Optional.of("bob"), env);
    var step = new DriverCommandStep(TestRequests.driverConf(SparkLine.V4_0, python));
    var container = step.configurePod(SparkPod.initial()).container();
    assertThat(container.getArgs()).containsExactly("driver", "--proxy-user", "bob", "--properties-file",
        "/opt/spark/conf/spark.properties", "--class", "org.apache.spark.deploy.PythonRunner", "local:///app.py", "a");
    assertThat(container.getEnv()).extracting(EnvVar::getName, EnvVar::getValue)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("PYSPARK_PYTHON", "python3.11"),
            org.assertj.core.groups.Tuple.tuple("PYSPARK_DRIVER_PYTHON", "python3.11"));
    assertThat(step.systemProperties()).containsEntry("spark.kubernetes.resource.type", "python");
  }

  @Test
  void executorTemplateIsShippedInAConfigMap(@TempDir Path dir) throws Exception {
    var template = Files.writeString(dir.resolve("exec.yaml"), "apiVersion: v1\nkind: Pod\n");
    var step = new PodTemplateConfigMapStep(TestRequests.driverConf(SparkLine.V3_5,
        Map.of("spark.kubernetes.executor.podTemplateFile", template.toString())));
    var pod = step.configurePod(SparkPod.initial());
    assertThat(pod.container().getVolumeMounts().get(0).getMountPath()).isEqualTo("/opt/spark/pod-template");
    var configMap = (ConfigMap) step.resources().get(0);
    assertThat(configMap.getData()).containsEntry("podspec-configmap-key", "apiVersion: v1\nkind: Pod\n");
    assertThat(step.systemProperties()).containsEntry("spark.kubernetes.executor.podTemplateFile",
        "/opt/spark/pod-template/pod-spec-template.yml");
  }

  @Test
  void hadoopConfDirOfTheSubmitterIsShipped(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("core-site.xml"), "<configuration/>");
    var base = TestRequests.javaApp(Map.of());
    var request = new SubmitRequest(base.conf(), base.mainAppResource(), base.mainClass(), base.appArgs(),
        base.proxyUser(), new SubmitEnvironment(Map.of("HADOOP_CONF_DIR", dir.toString()), "alice", dir));
    var step = new HadoopConfStep(TestRequests.driverConf(SparkLine.V3_5, request));
    var pod = step.configurePod(SparkPod.initial());
    assertThat(pod.container().getEnv()).extracting(EnvVar::getValue).containsExactly("/opt/hadoop/conf");
    assertThat(((ConfigMap) step.resources().get(0)).getData()).containsEntry("core-site.xml", "<configuration/>");
    assertThat(step.systemProperties()).containsEntry("spark.kubernetes.executor.hadoopConfigMapName",
        "spark-pi-a1b2c3190f3a1b2c-hadoop-config");
  }

  @Test
  void keytabIsShippedAsASecretAndKrb5FromAConfigMap(@TempDir Path dir) throws Exception {
    var keytab = Files.write(dir.resolve("user.keytab"), new byte[] {1, 2, 3});
    var step = new KerberosConfStep(TestRequests.driverConf(SparkLine.V3_5, Map.of(
        "spark.kerberos.keytab", keytab.toString(), "spark.kerberos.principal", "user@REALM",
        "spark.kubernetes.kerberos.krb5.configMapName", "krb5")));
    var pod = step.configurePod(SparkPod.initial());
    assertThat(pod.pod().getSpec().getVolumes()).extracting(v -> v.getName()).containsExactly("krb5-file", "kerberos-keytab");
    assertThat(((Secret) step.resources().get(0)).getData()).containsKey("user.keytab");
    assertThat(step.systemProperties()).containsEntry("spark.kerberos.keytab", "/mnt/secrets/kerberos-keytab/user.keytab");
    assertThatThrownBy(() -> new KerberosConfStep(TestRequests.driverConf(SparkLine.V3_5,
        Map.of("spark.kerberos.keytab", keytab.toString())))).hasMessageContaining("spark.kerberos.principal");
  }
}
