package io.sparkube.submit.args;

import io.sparkube.model.error.Failure;
import io.sparkube.model.error.SparkubeException;
import io.sparkube.submit.Reporter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Splits an argv the way spark-submit's SparkSubmitOptionParser does: flags (with the value as
 * the next argument or after {@code =}) up to the first argument that is not a flag; that one is
 * the primary resource and everything after it belongs to the application, even when it looks
 * like a flag.
 */
final class ArgvScanner {
  // spark-submit's own pattern: only long flags take "=value", and the value must be non-empty.
  private static final Pattern EQUALS_FORM = Pattern.compile("(--[^=]+)=(.+)", Pattern.DOTALL);

  private final Reporter reporter;

  ArgvScanner(Reporter reporter) {
    this.reporter = reporter;
  }

  /**
   * True when spark-submit would print its usage: {@code --help} or {@code -h} before the primary
   * resource. Checked before parsing, so a help request never fails for a missing resource.
   */
  static boolean helpRequested(List<String> argv) {
    for (int i = 0; i < argv.size(); i++) {
      var token = split(argv.get(i));
      var flag = Flag.named(token[0]);
      if (flag.isEmpty()) {
        return false;
      }
      if (flag.get() == Flag.HELP) {
        return true;
      }
      if (flag.get().takesValue() && token[1] == null) {
        i++;
      }
    }
    return false;
  }

  CommandLine scan(List<String> argv) {
    var values = new EnumMap<Flag, String>(Flag.class);
    var conf = new LinkedHashMap<String, String>();
    var switches = EnumSet.noneOf(Flag.class);
    Optional<String> primary = Optional.empty();
    var appArgs = new ArrayList<String>();

    for (int i = 0; i < argv.size(); i++) {
      var token = split(argv.get(i));
      var name = token[0];
      var flag = Flag.named(name);
      if (flag.isEmpty()) {
        if (name.startsWith("-")) {
          throw unknownFlag(name);
        }
        // The unsplit argument, as spark-submit's handleUnknown sees it.
        primary = Optional.of(argv.get(i));
        appArgs.addAll(argv.subList(i + 1, argv.size()));
        break;
      }
      if (!flag.get().takesValue()) {
        rejectUnsupported(flag.get(), "");
        switches.add(flag.get());
        continue;
      }
      String value = token[1];
      if (value == null) {
        if (i == argv.size() - 1) {
          throw new SparkubeException(Failure.UNKNOWN_FLAG,
              name + " needs a value; write " + name + " <value> or " + flag.get().longName() + "=<value>");
        }
        value = argv.get(++i);
      }
      rejectUnsupported(flag.get(), value);
      if (flag.get() == Flag.CONF) {
        addConf(conf, value);
      } else {
        values.put(flag.get(), value);
      }
    }
    warnAboutAliases(values);
    return new CommandLine(values, conf, switches, primary, appArgs);
  }

  /** {name, value}; value is null when the argument is not in the --flag=value form. */
  private static String[] split(String arg) {
    var m = EQUALS_FORM.matcher(arg);
    return m.matches() ? new String[] {m.group(1), m.group(2)} : new String[] {arg, null};
  }

  private static void addConf(Map<String, String> conf, String pair) {
    int eq = pair.indexOf('=');
    if (eq < 0) {
      throw new SparkubeException(Failure.UNKNOWN_FLAG,
          "--conf " + pair + " has no '='; write --conf key=value, e.g. --conf spark.executor.instances=2");
    }
    conf.put(pair.substring(0, eq), pair.substring(eq + 1));
  }

  private SparkubeException unknownFlag(String name) {
    var hint = Nearest.to(name, Flag.allNames()).map(n -> "; did you mean " + n + "?").orElse("");
    return new SparkubeException(Failure.UNKNOWN_FLAG,
        "unknown flag " + name + hint + " (flags go before the primary resource; see sparkube submit --help)");
  }

  private void rejectUnsupported(Flag flag, String value) {
    String why = switch (flag) {
      case TOTAL_EXECUTOR_CORES -> "--total-executor-cores applies to standalone clusters only;"
          + " on Kubernetes use --num-executors and --executor-cores";
      case SUPERVISE -> "--supervise applies to standalone clusters only; on Kubernetes set"
          + " restart behaviour in a SparkApplication resource instead";
      case QUEUE -> "--queue applies to YARN only; on Kubernetes choose a scheduler with"
          + " --conf spark.kubernetes.scheduler.name=<name>";
      case KILL -> "--kill is a separate command here: run sparkube kill " + value;
      case STATUS -> "--status is a separate command here: run sparkube status " + value;
      case REMOTE -> "--remote starts a Spark Connect client, not a cluster submission;"
          + " drop --remote to submit to Kubernetes";
      case VERSION -> "--version would report a local Spark install, and sparkube submit needs none;"
          + " run sparkube version, and choose the Spark line with --spark-version";
      default -> null;
    };
    if (why != null) {
      throw new SparkubeException(Failure.UNSUPPORTED_MODE, why);
    }
  }

  private void warnAboutAliases(Map<Flag, String> values) {
    if (values.containsKey(Flag.KUBERNETES_NAMESPACE)) {
      reporter.warn("--kubernetes-namespace is deprecated; use --conf spark.kubernetes.namespace="
          + values.get(Flag.KUBERNETES_NAMESPACE));
    }
  }
}
