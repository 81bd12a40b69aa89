package io.sparkube.bench.localjob;

import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A driver log written with {@code spark.log.structuredLogging.enabled=true}: JSON lines whose
 * {@code ts} has milliseconds (the default pattern layout has whole seconds only). Lines that are
 * not JSON (the JVM's and the launcher's, before logging is set up) are skipped.
 */
final class DriverLog {
  record Line(Instant ts, String logger, String msg) {}

  private final List<Line> lines;

  private DriverLog(List<Line> lines) {
    this.lines = lines;
  }

  static DriverLog parse(String text) {
    var lines = new ArrayList<Line>();
    for (var raw : text.split("\n")) {
      if (!raw.startsWith("{\"ts\"")) {
        continue;
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> json = Serialization.unmarshal(raw, Map.class);
      lines.add(new Line(Instant.parse((String) json.get("ts")), String.valueOf(json.get("logger")),
          String.valueOf(json.get("msg"))));
    }
    return new DriverLog(lines);
  }

  /** The Spark milestones of this log; {@code requestMarker} differs between the cluster managers. */
  Map<Milestone, Instant> milestones(String requestMarker) {
    var found = new EnumMap<Milestone, Instant>(Milestone.class);
    first("Running Spark version", 1).ifPresent(t -> found.put(Milestone.SPARK_CONTEXT_STARTED, t));
    first(requestMarker, 1).ifPresent(t -> found.put(Milestone.EXECUTORS_REQUESTED, t));
    first("Registered executor", 2).ifPresent(t -> found.put(Milestone.EXECUTORS_REGISTERED, t));
    first("Job 0 finished", 1).ifPresent(t -> found.put(Milestone.JOB_FINISHED, t));
    return found;
  }

  /** When the {@code nth} message starting with {@code prefix} was logged. */
  private java.util.Optional<Instant> first(String prefix, int nth) {
    return lines.stream().filter(l -> l.msg().startsWith(prefix)).skip(nth - 1L).map(Line::ts).findFirst();
  }
}
