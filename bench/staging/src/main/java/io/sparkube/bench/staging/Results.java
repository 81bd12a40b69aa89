package io.sparkube.bench.staging;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Everything one run measured, by contender label, in the order the contenders were declared. */
record Results(Options options, Machine machine, String pageReporting, Warmup warmup,
    Map<String, List<StreamRun>> streams, Map<String, List<FanoutResult>> fanouts) {

  /** The untimed rounds before the timed ones, and the JIT's compile time in the last of them. */
  record Warmup(int rounds, long lastRoundCompileMillis) {}

  /** Median, min and max of one figure over a contender's runs. */
  record Spread(double median, double min, double max) {
    static <T> Spread of(List<T> runs, Function<T, Double> figure) {
      var values = runs.stream().map(figure).toList();
      return new Spread(Stats.median(values), Stats.min(values), Stats.max(values));
    }
  }
}
