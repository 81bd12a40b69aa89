package io.sparkube.submit.args;

import io.sparkube.model.config.ValueType;
import io.sparkube.model.error.Failure;
import io.sparkube.model.error.SparkubeException;
import io.sparkube.submit.Reporter;
import io.sparkube.submit.SubmitEnvironment;
import io.sparkube.submit.SubmitRequest;
import io.sparkube.submit.follow.FollowKeys;
import io.sparkube.submit.identity.IdentityKeys;
import io.sparkube.submit.kube.MasterUrl;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a spark-submit command line (plus Sparkube's own flags) into the SparkConf and client
 * arguments that Spark's SparkSubmit would hand to KubernetesClientApplication in cluster mode.
 * What SparkSubmit does here is the same on 3.5.6, 4.0.2 and 4.1.0, so parsing does not need the
 * Spark line; the few line-dependent checks live in {@link LineChecks}.
 */
public final class SparkSubmitParser {
  private static final String WAIT_KEY = "spark.kubernetes.submission.waitAppCompletion";

  private final Reporter reporter;
  private final Clock clock;

  public SparkSubmitParser(Reporter reporter) {
    this(reporter, Clock.systemUTC());
  }

  /** {@code clock} stamps spark.app.submitTime, as SparkSubmit does with the current time. */
  public SparkSubmitParser(Reporter reporter, Clock clock) {
    this.reporter = reporter;
    this.clock = clock;
  }

  /** True when the command line asks for usage (--help or -h before the primary resource). */
  public static boolean helpRequested(List<String> argv) {
    return ArgvScanner.helpRequested(argv);
  }

  public ParsedSubmit parse(List<String> argv, SubmitEnvironment env) {
    var cl = new ArgvScanner(reporter).scan(argv);
    var typedResource = cl.primaryResource().orElseThrow(() -> new SparkubeException(
        Failure.MISSING_PRIMARY_RESOURCE,
        "no primary resource: give the application jar, .py or .R file after the flags, or"
            + " spark-internal with --class when the class is already in the image"));

    var properties = sparkOwnFlagsAsProperties(cl, new LegacyAliases(reporter)
        .apply(new SparkProperties(new PropertiesFiles(env), reporter).collect(cl)));
    rejectSparkConnect(properties, env);

    var uris = new Uris(env.workingDir());
    var settings = SubmitSettings.from(cl, properties, env, uris);
    SettingsValidator.validate(settings);
    var primary = PrimaryResource.of(typedResource, uris);
    var mainClass = primary.driverMainClass(settings.mainClass());
    // SparkSubmitArguments: --name, else spark.app.name, else --class, else the resource's file name.
    var appName = settings.name().or(settings::mainClass).orElseGet(primary::fileName);
    var master = settings.master().map(MasterUrl::normalise);

    var conf = new ClusterConfResolver(clock).resolve(properties, settings, master, primary, appName, uris);
    RemoteOnlyDependencies.check(conf, primary);
    SubmitKeyChecks.check(conf);
    conf.get(FollowKeys.REPORT_INTERVAL_MS);

    var request = new SubmitRequest(
        conf, primary.mainAppResource(), mainClass, cl.appArgs(), settings.proxyUser(), env);
    var options = new SubmitOptions(
        cl.has(Flag.DRY_RUN),
        conf.raw(WAIT_KEY).map(v -> ValueType.read(ValueType.BOOLEAN, WAIT_KEY, v)).orElse(true),
        cl.value(Flag.SPARK_VERSION),
        cl.value(Flag.KUBECONFIG),
        // spark.kubernetes.context, Spark's own way to pick a context, is read by ConnectionSettings.
        cl.value(Flag.CONTEXT),
        cl.has(Flag.VERBOSE),
        settings.master(),
        cl.has(Flag.LOAD_SPARK_DEFAULTS));
    return new ParsedSubmit(request, options);
  }

  /** Flags that stand for a setting are written as that setting; a flag beats --conf. */
  private static Map<String, String> sparkOwnFlagsAsProperties(CommandLine cl, Map<String, String> properties) {
    cl.value(Flag.KUBERNETES_NAMESPACE).ifPresent(ns -> properties.put("spark.kubernetes.namespace", ns));
    if (cl.has(Flag.NO_WAIT)) {
      properties.put(WAIT_KEY, "false");
    }
    cl.value(Flag.IDENTITY).ifPresent(identity -> properties.put(IdentityKeys.IDENTITY.key(), identity));
    cl.value(Flag.IDENTITY_INJECTION).ifPresent(mode -> properties.put(IdentityKeys.INJECTION.key(), mode));
    if (cl.has(Flag.NO_RBAC)) {
      properties.put(IdentityKeys.CREATE_RBAC.key(), "false");
    }
    return properties;
  }

  /** spark-submit refuses a Spark Connect remote together with a master or deploy mode. */
  private static void rejectSparkConnect(Map<String, String> properties, SubmitEnvironment env) {
    if (properties.containsKey("spark.remote") || env.variable("SPARK_REMOTE").isPresent()) {
      throw new SparkubeException(Failure.UNSUPPORTED_MODE,
          "spark.remote or SPARK_REMOTE selects a Spark Connect client, not a cluster submission;"
              + " unset it to submit to Kubernetes");
    }
  }
}
