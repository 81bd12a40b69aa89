package io.sparkube.submit.args;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The argv as spark-submit's option parser splits it, before any setting is looked up elsewhere:
 * the last value of each flag, the {@code --conf} pairs (last one wins, as in spark-submit), the
 * switches given, the primary resource as typed, and the application's own arguments.
 */
record CommandLine(
    Map<Flag, String> values,
    Map<String, String> conf,
    Set<Flag> switches,
    Optional<String> primaryResource,
    List<String> appArgs) {

  CommandLine {
    values = Map.copyOf(values);
    conf = Collections.unmodifiableMap(new LinkedHashMap<>(conf));
    switches = Set.copyOf(switches);
    appArgs = List.copyOf(appArgs);
  }

  Optional<String> value(Flag flag) {
    return Optional.ofNullable(values.get(flag));
  }

  boolean has(Flag flag) {
    return switches.contains(flag);
  }
}
