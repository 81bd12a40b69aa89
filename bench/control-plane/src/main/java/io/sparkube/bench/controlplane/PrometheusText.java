package io.sparkube.bench.controlplane;

/** Reads values out of a /metrics page in Prometheus's text format. */
final class PrometheusText {
  private PrometheusText() {}

  /**
   * The sum of every sample of {@code metric} whose labels contain each of {@code labels} (e.g.
   * {@code area="heap"}).
   *
   * @throws IllegalStateException when there is none, as a renamed metric would otherwise read as 0
   */
  static double sum(String page, String metric, String... labels) {
    double total = 0;
    boolean found = false;
    for (var line : page.split("\n")) {
      if (!line.startsWith(metric) || line.length() == metric.length()) {
        continue;
      }
      char next = line.charAt(metric.length());
      if (next != '{' && next != ' ') {
        continue;
      }
      var labelSet = next == '{' ? line.substring(metric.length(), line.lastIndexOf('}') + 1) : "";
      boolean matches = true;
      for (var label : labels) {
        matches &= labelSet.contains(label);
      }
      if (matches) {
        total += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
        found = true;
      }
    }
    if (!found) {
      throw new IllegalStateException("no sample of " + metric + " " + String.join(",", labels) + " on the page");
    }
    return total;
  }
}
