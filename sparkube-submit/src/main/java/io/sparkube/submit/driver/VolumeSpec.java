package io.sparkube.submit.driver;

import io.sparkube.model.SparkLine;
import io.sparkube.model.config.Conf;
import io.sparkube.model.config.ValueType;
import io.sparkube.model.error.SparkubeException;
import io.sparkube.submit.driver.order.ImmutableHashOrder;
import io.sparkube.submit.driver.order.ScalaHashes;
import io.sparkube.submit.driver.order.ScalaVersion;
import io.sparkube.submit.driver.order.SparkPrefixedPairs;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One volume declared with {@code <prefix>TYPE.NAME.{mount,options,label,annotation}.*}, parsed and
 * checked as the job's Spark line does it.
 */
public record VolumeSpec(
    String name, String mountPath, String subPath, String subPathExpr, boolean readOnly, Source source) {

  /** What backs the volume. */
  public sealed interface Source {}

  public record HostPath(String path, String type) implements Source {}

  public record Pvc(String claimName, Optional<String> storageClass, Optional<String> size,
      Map<String, String> labels, Map<String, String> annotations) implements Source {}

  public record EmptyDir(Optional<String> medium, Optional<String> sizeLimit) implements Source {}

  public record Nfs(String path, String server) implements Source {}

  /**
   * Every volume under {@code prefix}, e.g. spark.kubernetes.driver.volumes, in the order Spark
   * lists them: Spark collects (type, name) pairs, then the specs, in Scala Sets, so up to four
   * volumes come in the order their first settings are iterated, more in their Scala hash order.
   */
  public static List<VolumeSpec> parse(Conf conf, String prefix, SparkLine line) {
    var props = new SparkPrefixedPairs(line).parse(conf.asMap(), prefix);
    var typesAndNames = new LinkedHashSet<List<String>>();
    for (var key : props.keySet()) {
      var parts = key.split("\\.");
      if (parts.length >= 2) {
        typesAndNames.add(List.of(parts[0], parts[1]));
      }
    }
    var reader = new Reader(props, prefix, line);
    var specs = typesAndNames.stream().map(tn -> reader.read(tn.get(0), tn.get(1))).toList();
    var hashes = new ScalaHashes(ScalaVersion.of(line));
    return ImmutableHashOrder.of(ScalaVersion.of(line))
        .order(specs, spec -> hashes.product(SparkVolumeValue.of(spec, line)));
  }

  private record Reader(Map<String, String> props, String prefix, SparkLine line) {
    VolumeSpec read(String type, String name) {
      var base = type + "." + name + ".";
      var mountPath = required(base + "mount.path");
      var subPath = props.getOrDefault(base + "mount.subPath", "");
      var subPathExpr = "";
      if (line.atLeast(SparkLine.V4_0)) {
        subPathExpr = props.getOrDefault(base + "mount.subPathExpr", "");
        if (props.containsKey(base + "mount.subPath") && props.containsKey(base + "mount.subPathExpr")) {
          throw SparkubeException.invalidConfig(prefix + base + "mount.subPath and " + prefix + base
              + "mount.subPathExpr are mutually exclusive; keep one");
        }
      }
      boolean readOnly = Optional.ofNullable(props.get(base + "mount.readOnly"))
          .map(v -> ValueType.read(ValueType.BOOLEAN, prefix + base + "mount.readOnly", v)).orElse(false);
      return new VolumeSpec(name, mountPath, subPath, subPathExpr, readOnly, source(type, base));
    }

    private Source source(String type, String base) {
      boolean since40 = line.atLeast(SparkLine.V4_0);
      return switch (type) {
        case "hostPath" -> new HostPath(required(base + "options.path"),
            since40 ? props.getOrDefault(base + "options.type", "") : "");
        case "persistentVolumeClaim" -> new Pvc(required(base + "options.claimName"),
            optional(base + "options.storageClass"), sized(base + "options.sizeLimit", since40),
            since40 ? family(base + "label.") : Map.of(), since40 ? family(base + "annotation.") : Map.of());
        case "emptyDir" -> new EmptyDir(optional(base + "options.medium"), sized(base + "options.sizeLimit", since40));
        case "nfs" -> new Nfs(required(base + "options.path"), required(base + "options.server"));
        default -> throw SparkubeException.invalidConfig("volume type " + type + " in " + prefix + base
            + "* is not supported; use hostPath, emptyDir, persistentVolumeClaim or nfs");
      };
    }

    private String required(String key) {
      var value = props.get(key);
      if (value == null) {
        throw SparkubeException.invalidConfig(prefix + key + " is required for this volume; set it");
      }
      return value;
    }

    private Optional<String> optional(String key) {
      return Optional.ofNullable(props.get(key));
    }

    /** 4.0 rejects a bare number under 1024 as a size that forgot its unit. */
    private Optional<String> sized(String key, boolean check) {
      var size = optional(key);
      size.filter(v -> check && !v.isEmpty() && v.chars().allMatch(Character::isDigit) && Long.parseLong(v) < 1024)
          .ifPresent(v -> {
            throw SparkubeException.invalidConfig(prefix + key + "=" + v + " is smaller than 1KiB; add a unit such as 1Gi");
          });
      return size;
    }

    private Map<String, String> family(String keyPrefix) {
      var out = new LinkedHashMap<String, String>();
      props.forEach((k, v) -> {
        if (k.startsWith(keyPrefix)) {
          out.put(k.substring(keyPrefix.length()), v);
        }
      });
      return out;
    }
  }
}
