package io.sparkube.fidelity;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.function.BiPredicate;
import java.util.regex.Pattern;

/**
 * The only differences from Spark's objects we accept, each with the reason. Every entry names a
 * value that no builder can reproduce; a difference a builder could avoid never belongs here.
 */
final class AllowList {

  /**
   * @param kind object kind or "*"
   * @param path glob over {@link Difference#path()}: {@code *} within one segment, {@code **} any
   * @param accepts when the two values count as the same; null stands for an absent value
   */
  record Entry(String kind, String path, BiPredicate<JsonNode, JsonNode> accepts, String reason) {
    boolean covers(Difference d) {
      return (kind.equals("*") || kind.equals(d.kind()))
          && glob(path).matcher(d.path()).matches()
          && accepts.test(d.spark(), d.ours());
    }
  }

  static final List<Entry> ENTRIES = List.of(
      new Entry("*", "metadata.uid", AllowList::bothPresent,
          "assigned by the API server on create"),
      new Entry("*", "metadata.resourceVersion", AllowList::bothPresent,
          "assigned by the API server on every write"),
      new Entry("*", "metadata.creationTimestamp", AllowList::bothPresent,
          "assigned by the API server on create, the wall-clock second of the run"),
      new Entry("*", "metadata.generation", AllowList::bothPresent,
          "assigned by the API server; counts spec writes, which is how a client sends, not what"),
      new Entry("*", "metadata.ownerReferences[*].uid", AllowList::bothPresent,
          "the driver pod's uid, assigned by the API server"),
      new Entry("ConfigMap", "data[\"spark.properties\"].comments[1]", AllowList::bothDates,
          "java.util.Properties.store writes the current date as the second comment line"));

  private AllowList() {}

  static boolean allows(Difference d) {
    return ENTRIES.stream().anyMatch(e -> e.covers(d));
  }

  private static boolean bothPresent(JsonNode spark, JsonNode ours) {
    return spark != null && ours != null;
  }

  private static final Pattern DATE_COMMENT =
      Pattern.compile("#\\w{3} \\w{3} [ \\d]\\d \\d\\d:\\d\\d:\\d\\d \\S+ \\d{4}");

  private static boolean bothDates(JsonNode spark, JsonNode ours) {
    return bothPresent(spark, ours)
        && DATE_COMMENT.matcher(spark.asText()).matches()
        && DATE_COMMENT.matcher(ours.asText()).matches();
  }

  static Pattern glob(String glob) {
    var regex = new StringBuilder();
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
        regex.append(".*");
        i++;
      } else if (c == '*') {
        regex.append("[^.\\[\\]]*");
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(regex.toString());
  }
}
