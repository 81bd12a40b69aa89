package io.sparkube.submit.driver.order;

import java.util.Map;
import java.util.Optional;

/**
 * Scala's {@code ##} for the values Spark puts in hashed collections. 2.13 mixes a case class's
 * name (productPrefix) into its hash; 2.12 does not. Options are case classes too: Some(x) is a
 * one-field product, None a case object hashed by its name.
 */
public final class ScalaHashes {
  private final ScalaVersion scala;

  public ScalaHashes(ScalaVersion scala) {
    this.scala = scala;
  }

  /** The hash of Scala's Tuple2 of two strings, e.g. a (key, value) pair of a SparkConf. */
  public int tuple2(String first, String second) {
    return product(ScalaProduct.of("Tuple2", first, second));
  }

  public int hash(Object value) {
    if (value instanceof String s) {
      return s.hashCode();
    } else if (value instanceof Boolean b) {
      return b ? 1231 : 1237;
    } else if (value instanceof Optional<?> o) {
      return o.isPresent() ? product(ScalaProduct.of("Some", o.get())) : "None".hashCode();
    } else if (value instanceof ScalaProduct p) {
      return product(p);
    } else if (value instanceof Map<?, ?> m) {
      return map(m);
    }
    throw new IllegalArgumentException("no Scala hash modelled for " + value.getClass().getName());
  }

  /** MurmurHash3.productHash, which case classes and tuples use. */
  public int product(ScalaProduct product) {
    if (product.elements().isEmpty()) {
      return product.prefix().hashCode();
    }
    int h = MurmurHash3.PRODUCT_SEED;
    if (scala == ScalaVersion.SCALA_2_13) {
      h = MurmurHash3.mix(h, product.prefix().hashCode());
    }
    for (var element : product.elements()) {
      h = MurmurHash3.mix(h, hash(element));
    }
    return MurmurHash3.finalizeHash(h, product.elements().size());
  }

  /** MurmurHash3.mapHash of 2.13: order-free over the entries' Tuple2 hashes. */
  private int map(Map<?, ?> map) {
    if (scala != ScalaVersion.SCALA_2_12) {
      int a = 0;
      int b = 0;
      int c = 1;
      for (var e : map.entrySet()) {
        int h = product(ScalaProduct.of("Tuple2", e.getKey(), e.getValue()));
        a += h;
        b ^= h;
        c *= h | 1;
      }
      int h = MurmurHash3.mix(MurmurHash3.MAP_SEED, a);
      h = MurmurHash3.mix(h, b);
      h = MurmurHash3.mixLast(h, c);
      return MurmurHash3.finalizeHash(h, map.size());
    }
    // Spark 3.5's case classes hold no Map, so 2.12's map hash is not needed.
    throw new IllegalArgumentException("the Scala 2.12 hash of a Map is not modelled");
  }
}
