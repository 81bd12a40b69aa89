package io.sparkube.cli.doctor;

import io.sparkube.submit.doctor.Check;
import io.sparkube.submit.doctor.DoctorSubject;
import java.util.List;

/** The doctor's findings as a table a user reads top to bottom: result, check, detail, then the fix. */
final class CheckTable {
  private CheckTable() {}

  static String render(DoctorSubject subject, List<Check> checks) {
    var out = new StringBuilder();
    out.append("Checking ").append(subject.binding().map(b -> b.identity().spec()).orElse("no identity"))
        .append(" for ServiceAccount ").append(subject.namespace()).append('/').append(subject.serviceAccount())
        .append(" (Spark ").append(subject.line()).append(")\n\n");
    int width = checks.stream().mapToInt(c -> c.name().length()).max().orElse(10);
    out.append(String.format("%-6s %-" + width + "s  %s%n", "RESULT", "CHECK", "DETAIL"));
    for (var check : checks) {
      out.append(String.format("%-6s %-" + width + "s  %s%n", check.status(), check.name(), check.detail()));
      check.fix().ifPresent(fix -> out.append(String.format("%-6s %-" + width + "s  fix: %s%n", "", "", fix)));
    }
    long failed = checks.stream().filter(c -> c.status() == Check.Status.FAIL).count();
    long warned = checks.stream().filter(c -> c.status() == Check.Status.WARN).count();
    out.append('\n').append(failed == 0 ? "All checks passed" : failed + " check" + (failed == 1 ? "" : "s")
        + " failed").append(warned == 0 ? "" : ", " + warned + " warning" + (warned == 1 ? "" : "s")).append(".\n");
    return out.toString();
  }
}
