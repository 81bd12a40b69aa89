package io.sparkube.fidelity;

import io.sparkube.submit.SubmitRequest;
import io.sparkube.submit.driver.DriverKeys;
import io.sparkube.submit.identity.AppliedIdentity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A job's identity as a user would give it to spark-submit by hand: a {@code --conf} for every
 * setting Sparkube added, and the pod templates Sparkube prepared written to files that the
 * template settings name.
 *
 * @param conf the settings the identity added, in the order it added them
 */
record HandWrittenIdentity(Map<String, String> conf, Optional<Path> driverTemplate, Optional<Path> executorTemplate) {

  HandWrittenIdentity {
    conf = Collections.unmodifiableMap(new LinkedHashMap<>(conf));
  }

  /** @param before the request the identity was applied to */
  static HandWrittenIdentity write(SubmitRequest before, AppliedIdentity applied, Path dir) {
    var templates = applied.request().templates();
    return new HandWrittenIdentity(addedConf(before, applied),
        templates.driver().map(text -> writeFile(dir.resolve("identity-driver-template.yaml"), text)),
        templates.executor().map(text -> writeFile(dir.resolve("identity-executor-template.yaml"), text)));
  }

  /** Every setting the identity added; it may only add, as a hand-written job cannot unset. */
  static Map<String, String> addedConf(SubmitRequest before, AppliedIdentity applied) {
    var was = before.conf().asMap();
    var now = applied.request().conf().asMap();
    if (!now.keySet().containsAll(was.keySet())) {
      throw new AssertionError("the identity removed settings: " + was.keySet().stream()
          .filter(k -> !now.containsKey(k)).toList());
    }
    var added = new LinkedHashMap<String, String>();
    now.forEach((key, value) -> {
      if (!value.equals(was.get(key))) {
        added.put(key, value);
      }
    });
    return added;
  }

  /** The spark-submit flags saying all of it; they go after the user's own, so they win. */
  List<String> sparkSubmitFlags() {
    var flags = new ArrayList<String>();
    conf.forEach((key, value) -> flags.addAll(List.of("--conf", key + "=" + value)));
    driverTemplate.ifPresent(file -> flags.addAll(List.of("--conf",
        DriverKeys.DRIVER_POD_TEMPLATE_FILE.key() + "=" + file)));
    executorTemplate.ifPresent(file -> flags.addAll(List.of("--conf",
        DriverKeys.EXECUTOR_POD_TEMPLATE_FILE.key() + "=" + file)));
    return flags;
  }

  private static Path writeFile(Path file, String text) {
    try {
      return Files.writeString(file, text).toAbsolutePath();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
