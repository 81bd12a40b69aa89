package io.sparkube.fidelity;

import static org.assertj.core.api.Assertions.assertThat;

import io.sparkube.model.SparkLine;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every spark.kubernetes.* setting a Spark line declares is in Sparkube's key catalogue for that
 * line, so "unknown key" warnings never fire on a real setting. The declared settings are read
 * from Spark's own config registry, in that line's class loader.
 */
class KeyCatalogueAgainstSparkTest {

  @ParameterizedTest
  @EnumSource(SparkLine.class)
  void everyKubernetesSettingSparkDeclaresIsKnown(SparkLine line) throws Exception {
    var catalogue = catalogue(line);
    var declared = sparkDeclaredKeys(line).stream().filter(key -> key.startsWith("spark.kubernetes.")).toList();
    // Spark 3.5 declares 76 of them; far fewer means the registry was not read.
    assertThat(declared).hasSizeGreaterThan(60);
    var missing = declared.stream()
        .filter(key -> !catalogue.contains(key) && catalogue.stream().noneMatch(p -> p.endsWith(".") && key.startsWith(p)))
        .sorted().toList();
    assertThat(missing).as("spark.kubernetes.* settings of Spark %s missing from the catalogue", line).isEmpty();
  }

  /** Keys of every ConfigEntry registered once Spark's Kubernetes Config object is initialised. */
  private static List<String> sparkDeclaredKeys(SparkLine line) throws Exception {
    var loader = SparkRuntime.loader(line);
    Class.forName("org.apache.spark.deploy.k8s.Config$", true, loader).getField("MODULE$").get(null);
    var entryObject = Class.forName("org.apache.spark.internal.config.ConfigEntry$", true, loader);
    var module = entryObject.getField("MODULE$").get(null);
    var known = (Map<?, ?>) entryObject.getMethod("knownConfigs").invoke(module);
    return known.keySet().stream().map(Object::toString).toList();
  }

  private static List<String> catalogue(SparkLine line) throws Exception {
    var resource = "/io/sparkube/submit/args/kubernetes-keys-" + line.line() + ".txt";
    try (var in = Objects.requireNonNull(KeyCatalogueAgainstSparkTest.class.getResourceAsStream(resource), resource);
        var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      var keys = new ArrayList<String>();
      reader.lines().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).forEach(keys::add);
      return keys;
    }
  }
}
