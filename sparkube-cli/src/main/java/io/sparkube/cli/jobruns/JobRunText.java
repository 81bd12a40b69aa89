package io.sparkube.cli.jobruns;

import io.sparkube.jobruns.wire.JobRunView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** Job runs as people read them: one field a line, or a table laid out as kubectl lays out its own. */
final class JobRunText {
  private static final String NONE = "-";
  private static final List<String> COLUMNS = List.of("ID", "NAME", "STATE", "CREATED");
  private static final int GAP = 3;

  private JobRunText() {}

  /** Every field on its own line, absent ones as '-', so scripts find each field on the same line. */
  static List<String> describe(JobRunView run) {
    var fields = new LinkedHashMap<String, String>();
    fields.put("id", run.id());
    fields.put("name", run.name());
    fields.put("state", run.state());
    fields.put("stateDetails", run.stateDetails());
    fields.put("failureReason", run.failureReason());
    fields.put("createdAt", run.createdAt());
    fields.put("finishedAt", run.finishedAt());
    fields.put("attempt", attempt(run));
    var width = fields.keySet().stream().mapToInt(String::length).max().orElse(0) + 1;
    return fields.entrySet().stream()
        .map(field -> String.format("%-" + width + "s %s", field.getKey() + ":", orNone(field.getValue())))
        .toList();
  }

  /** The attempt under way or last made, and of how many when a retry policy is set. */
  private static String attempt(JobRunView run) {
    if (run.retryPolicyExecution() == null) {
      return null;
    }
    var current = run.retryPolicyExecution().currentAttemptCount();
    var policy = run.retryPolicyConfiguration();
    return policy == null || policy.maxAttempts() == null ? Integer.toString(current)
        : current + " of " + policy.maxAttempts();
  }

  static List<String> table(List<JobRunView> runs) {
    var rows = new ArrayList<List<String>>();
    rows.add(COLUMNS);
    runs.forEach(run -> rows.add(List.of(orNone(run.id()), orNone(run.name()), orNone(run.state()),
        orNone(run.createdAt()))));
    var widths = IntStream.range(0, COLUMNS.size())
        .map(column -> rows.stream().mapToInt(row -> row.get(column).length()).max().orElse(0)).toArray();
    return rows.stream().map(row -> IntStream.range(0, row.size())
        .mapToObj(column -> column == row.size() - 1 ? row.get(column)
            : String.format("%-" + (widths[column] + GAP) + "s", row.get(column)))
        .collect(Collectors.joining())).toList();
  }

  private static String orNone(String value) {
    return value == null || value.isEmpty() ? NONE : value;
  }
}
