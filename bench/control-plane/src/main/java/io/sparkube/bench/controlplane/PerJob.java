package io.sparkube.bench.controlplane;

import java.util.Map;
import java.util.TreeMap;

/** What a batch asked of the API server, per job, from counts (of objects created, of requests) before and after it. */
final class PerJob {
  private PerJob() {}

  static Map<String, Double> of(Map<String, Long> before, Map<String, Long> after, int jobs) {
    var perJob = new TreeMap<String, Double>();
    after.forEach((resource, count) -> {
      long made = count - before.getOrDefault(resource, 0L);
      if (made > 0) {
        perJob.put(resource, made / (double) jobs);
      }
    });
    return perJob;
  }
}
