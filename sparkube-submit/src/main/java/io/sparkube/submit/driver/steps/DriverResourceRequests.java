package io.sparkube.submit.driver.steps;

import io.fabric8.kubernetes.api.model.Quantity;
import io.sparkube.model.config.Conf;
import io.sparkube.model.error.SparkubeException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;

/** Custom resources (GPUs and the like) asked for with spark.driver.resource.NAME.{amount,vendor}. */
final class DriverResourceRequests {
  private static final String PREFIX = "spark.driver.resource.";

  private DriverResourceRequests() {}

  /** Limits keyed {@code vendor/name}, as the device plugins advertise them. */
  static Map<String, Quantity> parse(Conf conf) {
    var settings = conf.withPrefix(PREFIX);
    var names = new LinkedHashSet<String>();
    settings.keySet().forEach(key -> {
      int dot = key.indexOf('.');
      if (dot < 0) {
        throw SparkubeException.invalidConfig("you must specify an amount for resource " + key
            + "; set " + PREFIX + key + ".amount");
      }
      names.add(key.substring(0, dot));
    });
    var limits = new LinkedHashMap<String, Quantity>();
    for (var name : names) {
      var amountKey = PREFIX + name + ".amount";
      var amount = conf.raw(amountKey).orElseThrow(() -> SparkubeException.invalidConfig(
          "you must specify an amount for resource " + name + "; set " + amountKey));
      long value;
      try {
        value = Long.parseLong(amount.trim());
      } catch (NumberFormatException e) {
        throw SparkubeException.invalidConfig(amountKey + "=" + amount + " is not a whole number; fix it");
      }
      if (value <= 0) {
        continue;
      }
      var vendor = conf.raw(PREFIX + name + ".vendor").orElseThrow(() -> SparkubeException.invalidConfig(
          "resource " + name + " was requested but no vendor was given; set " + PREFIX + name + ".vendor"));
      limits.put(vendor + "/" + name, new Quantity(Long.toString(value)));
    }
    return limits;
  }
}
