package io.sparkube.fidelity;

import java.util.ArrayList;
import java.util.List;

/**
 * The argv both sides receive: what a user types after {@code spark-submit}, with the flags that
 * point it at a test API server in cluster mode and stop it from following the driver.
 */
final class SubmitCommand {
  private SubmitCommand() {}

  static List<String> argv(String apiServerUrl, List<String> userArgv) {
    var argv = new ArrayList<String>();
    argv.add("--master");
    argv.add("k8s://" + apiServerUrl);
    argv.add("--deploy-mode");
    argv.add("cluster");
    argv.add("--conf");
    argv.add("spark.kubernetes.submission.waitAppCompletion=false");
    argv.addAll(userArgv);
    return argv;
  }
}
