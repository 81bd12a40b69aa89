package io.sparkube.submit;

import io.sparkube.model.SparkLine;
import io.sparkube.submit.driver.DriverPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** What --verbose prints, as spark-submit's --verbose does: the resolved application and settings. */
final class VerboseReport {
  // Spark's default spark.redaction.regex.
  private static final Pattern SECRET = Pattern.compile("(?i)secret|password|token|access[.]?key");

  private VerboseReport() {}

  static List<String> lines(SubmitRequest request, SparkLine line, String version, DriverPlan plan) {
    var lines = new ArrayList<String>();
    lines.add("Spark line: " + line + " (version " + version + ")");
    lines.add("Main class: " + request.mainClass());
    lines.add("Primary resource: " + describe(request.mainAppResource()));
    lines.add("Arguments: " + String.join(" ", request.appArgs()));
    lines.add("Driver pod: " + plan.submissionId());
    lines.add("Spark properties:");
    new TreeMap<>(request.conf().asMap()).forEach((k, v) ->
        lines.add("  " + k + "=" + (SECRET.matcher(k).find() ? "*********(redacted)" : v)));
    return lines;
  }

  private static String describe(MainAppResource resource) {
    if (resource instanceof MainAppResource.JavaResource java) {
      return java.uri().orElse("(none: the main class is in the image)");
    }
    if (resource instanceof MainAppResource.PythonResource python) {
      return python.uri() + " (Python)";
    }
    return ((MainAppResource.RResource) resource).uri() + " (R)";
  }
}
