package io.sparkube.fidelity;

import static org.assertj.core.api.Assertions.assertThat;

import io.sparkube.model.SparkLine;
import io.sparkube.model.config.Conf;
import io.sparkube.submit.driver.VolumeSpec;
import io.sparkube.submit.driver.order.MutableHashSetOrder;
import io.sparkube.submit.driver.order.ScalaHashes;
import io.sparkube.submit.driver.order.ScalaVersion;
import io.sparkube.submit.driver.order.SparkConfOrder;
import io.sparkube.submit.driver.order.SparkPrefixedPairs;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Our predicted orders against the real thing: Spark's own SparkConf, KubernetesUtils and
 * KubernetesVolumeUtils, on the Scala library of each line, for many random confs.
 */
class ScalaOrderAgainstScalaTest {
  private static final int CASES = 400;
  private static final String ENV_PREFIX = "spark.kubernetes.driverEnv.";
  private static final String VOLUMES_PREFIX = "spark.kubernetes.driver.volumes.";

  @ParameterizedTest
  @EnumSource(SparkLine.class)
  void tupleHashesAreScalas(SparkLine line) throws Exception {
    var tuple2 = SparkRuntime.loader(line).loadClass("scala.Tuple2").getConstructor(Object.class, Object.class);
    var hashes = new ScalaHashes(ScalaVersion.of(line));
    var random = new Random(1);
    for (int i = 0; i < CASES; i++) {
      var a = RandomConfs.word(random);
      var b = RandomConfs.word(random);
      assertThat(hashes.tuple2(a, b)).as("(%s, %s)", a, b).isEqualTo(tuple2.newInstance(a, b).hashCode());
    }
  }

  @ParameterizedTest
  @EnumSource(SparkLine.class)
  void getAllOrderIsSparks(SparkLine line) throws Exception {
    var spark = new SparkSide(line);
    var hashes = new ScalaHashes(ScalaVersion.of(line));
    var random = new Random(2);
    for (int i = 0; i < CASES; i++) {
      var settings = RandomConfs.withEnv(random, ENV_PREFIX, 1 + random.nextInt(40));
      var predicted = MutableHashSetOrder.of(ScalaVersion.of(line))
          .order(SparkConfOrder.cloned(settings), e -> hashes.tuple2(e.getKey(), e.getValue()))
          .stream().map(Map.Entry::getKey).toList();
      assertThat(predicted).as("getAll of %s", settings).isEqualTo(spark.getAllKeys(settings));
    }
  }

  @ParameterizedTest
  @EnumSource(SparkLine.class)
  void prefixedPairsOrderIsSparks(SparkLine line) throws Exception {
    var spark = new SparkSide(line);
    var ours = new SparkPrefixedPairs(line);
    var random = new Random(3);
    for (int i = 0; i < CASES; i++) {
      var settings = RandomConfs.withEnv(random, ENV_PREFIX, 1 + random.nextInt(40));
      var predicted = List.copyOf(ours.parse(settings, ENV_PREFIX).keySet());
      assertThat(predicted).as("%s", settings).isEqualTo(spark.prefixedKeys(settings, ENV_PREFIX));
    }
  }

  @ParameterizedTest
  @EnumSource(SparkLine.class)
  void volumeOrderIsSparks(SparkLine line) throws Exception {
    var spark = new SparkSide(line);
    var random = new Random(4);
    for (int i = 0; i < CASES; i++) {
      var settings = RandomConfs.withVolumes(random, VOLUMES_PREFIX, 1 + random.nextInt(12), line);
      var predicted = VolumeSpec.parse(Conf.of(settings), VOLUMES_PREFIX, line).stream().map(VolumeSpec::name).toList();
      assertThat(predicted).as("%s", settings).isEqualTo(spark.volumeNames(settings, VOLUMES_PREFIX));
    }
  }

  /** Spark's own classes of one line, called by reflection in that line's class loader. */
  private static final class SparkSide {
    private final Class<?> confClass;
    private final Method set;
    private final Method parsePairs;
    private final Method parseVolumes;

    SparkSide(SparkLine line) throws ReflectiveOperationException {
      var loader = SparkRuntime.loader(line);
      confClass = loader.loadClass("org.apache.spark.SparkConf");
      set = confClass.getMethod("set", String.class, String.class);
      parsePairs = loader.loadClass("org.apache.spark.deploy.k8s.KubernetesUtils")
          .getMethod("parsePrefixedKeyValuePairs", confClass, String.class);
      parseVolumes = loader.loadClass("org.apache.spark.deploy.k8s.KubernetesVolumeUtils")
          .getMethod("parseVolumesWithPrefix", confClass, String.class);
    }

    /** A SparkConf filled in the given order, then cloned as KubernetesConf.createDriverConf does. */
    private Object clonedConf(Map<String, String> settings) throws ReflectiveOperationException {
      var conf = confClass.getConstructor(boolean.class).newInstance(false);
      for (var e : settings.entrySet()) {
        set.invoke(conf, e.getKey(), e.getValue());
      }
      return confClass.getMethod("clone").invoke(conf);
    }

    List<String> getAllKeys(Map<String, String> settings) throws ReflectiveOperationException {
      var all = (Object[]) confClass.getMethod("getAll").invoke(clonedConf(settings));
      var keys = new ArrayList<String>();
      for (var tuple : all) {
        keys.add((String) tuple.getClass().getMethod("_1").invoke(tuple));
      }
      return keys;
    }

    List<String> prefixedKeys(Map<String, String> settings, String prefix) throws ReflectiveOperationException {
      return elements(parsePairs.invoke(null, clonedConf(settings), prefix), tuple -> call(tuple, "_1"));
    }

    List<String> volumeNames(Map<String, String> settings, String prefix) throws ReflectiveOperationException {
      return elements(parseVolumes.invoke(null, clonedConf(settings), prefix), spec -> call(spec, "volumeName"));
    }

    private static List<String> elements(Object scalaIterable, Function<Object, String> name)
        throws ReflectiveOperationException {
      var iterator = scalaIterable.getClass().getMethod("iterator").invoke(scalaIterable);
      var hasNext = iterator.getClass().getMethod("hasNext");
      var next = iterator.getClass().getMethod("next");
      hasNext.setAccessible(true);
      next.setAccessible(true);
      var out = new ArrayList<String>();
      while ((Boolean) hasNext.invoke(iterator)) {
        out.add(name.apply(next.invoke(iterator)));
      }
      return out;
    }

    private static String call(Object target, String method) {
      try {
        return (String) target.getClass().getMethod(method).invoke(target);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
