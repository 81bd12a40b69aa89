package io.sparkube.submit.args;

import io.sparkube.submit.SubmitEnvironment;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What SparkSubmitArguments knows once it has read the flags, the Spark properties and the
 * environment (its loadEnvironmentArguments): for each setting, the flag wins, then the
 * property, then the environment variable where spark-submit has one.
 *
 * @param jars flag values are already resolved to URIs (spark-submit resolves --jars, --files,
 *     --py-files and --archives as it parses them); property values are still raw
 */
record SubmitSettings(
    Optional<String> master,
    Optional<String> deployMode,
    Optional<String> name,
    Optional<String> mainClass,
    Optional<String> driverMemory,
    Optional<String> driverCores,
    Optional<String> driverExtraClassPath,
    Optional<String> driverExtraJavaOptions,
    Optional<String> driverExtraLibraryPath,
    Optional<String> executorMemory,
    Optional<String> executorCores,
    Optional<String> numExecutors,
    Optional<String> jars,
    Optional<String> files,
    Optional<String> archives,
    Optional<String> pyFiles,
    Optional<String> packages,
    Optional<String> repositories,
    Optional<String> packagesExclusions,
    Optional<String> ivyRepoPath,
    Optional<String> principal,
    Optional<String> keytab,
    Optional<String> proxyUser,
    boolean dynamicAllocation) {

  static SubmitSettings from(CommandLine cl, Map<String, String> props, SubmitEnvironment env, Uris uris) {
    Function<Flag, Optional<String>> flag = cl::value;
    Function<Flag, Optional<String>> uriFlag = f -> cl.value(f).map(uris::resolveList);
    Function<String, Optional<String>> prop = k -> Optional.ofNullable(props.get(k));
    return new SubmitSettings(
        flag.apply(Flag.MASTER).or(() -> prop.apply("spark.master")).or(() -> env.variable("MASTER")),
        flag.apply(Flag.DEPLOY_MODE).or(() -> prop.apply("spark.submit.deployMode"))
            .or(() -> env.variable("DEPLOY_MODE")),
        flag.apply(Flag.NAME).or(() -> prop.apply("spark.app.name")),
        flag.apply(Flag.CLASS),
        flag.apply(Flag.DRIVER_MEMORY).or(() -> prop.apply("spark.driver.memory"))
            .or(() -> env.variable("SPARK_DRIVER_MEMORY")),
        flag.apply(Flag.DRIVER_CORES).or(() -> prop.apply("spark.driver.cores")),
        flag.apply(Flag.DRIVER_CLASS_PATH).or(() -> prop.apply("spark.driver.extraClassPath")),
        flag.apply(Flag.DRIVER_JAVA_OPTIONS).or(() -> prop.apply("spark.driver.extraJavaOptions")),
        flag.apply(Flag.DRIVER_LIBRARY_PATH).or(() -> prop.apply("spark.driver.extraLibraryPath")),
        flag.apply(Flag.EXECUTOR_MEMORY).or(() -> prop.apply("spark.executor.memory"))
            .or(() -> env.variable("SPARK_EXECUTOR_MEMORY")),
        flag.apply(Flag.EXECUTOR_CORES).or(() -> prop.apply("spark.executor.cores"))
            .or(() -> env.variable("SPARK_EXECUTOR_CORES")),
        flag.apply(Flag.NUM_EXECUTORS).or(() -> prop.apply("spark.executor.instances")),
        uriFlag.apply(Flag.JARS).or(() -> prop.apply("spark.jars")),
        uriFlag.apply(Flag.FILES).or(() -> prop.apply("spark.files")),
        uriFlag.apply(Flag.ARCHIVES).or(() -> prop.apply("spark.archives")),
        uriFlag.apply(Flag.PY_FILES).or(() -> prop.apply("spark.submit.pyFiles")),
        flag.apply(Flag.PACKAGES).or(() -> prop.apply("spark.jars.packages")),
        flag.apply(Flag.REPOSITORIES).or(() -> prop.apply("spark.jars.repositories")),
        flag.apply(Flag.EXCLUDE_PACKAGES).or(() -> prop.apply("spark.jars.excludes")),
        prop.apply("spark.jars.ivy"),
        flag.apply(Flag.PRINCIPAL).or(() -> prop.apply("spark.kerberos.principal"))
            .or(() -> prop.apply("spark.yarn.principal")),
        flag.apply(Flag.KEYTAB).or(() -> prop.apply("spark.kerberos.keytab"))
            .or(() -> prop.apply("spark.yarn.keytab")),
        flag.apply(Flag.PROXY_USER),
        prop.apply("spark.dynamicAllocation.enabled").filter("true"::equalsIgnoreCase).isPresent());
  }
}
