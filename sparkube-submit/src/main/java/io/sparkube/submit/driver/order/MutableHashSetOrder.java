package io.sparkube.submit.driver.order;

import java.util.List;
import java.util.function.ToIntFunction;

/**
 * The iteration order of a Scala mutable.HashSet filled one element at a time from an empty set,
 * which is what {@code map} over a wrapped Java set builds (SparkConf.getAll does this). Unlike
 * the immutable tries, the order depends on the table size, so on how many elements there are.
 */
public sealed interface MutableHashSetOrder permits FlatHashTableOrder, ChainedHashSetOrder {

  static MutableHashSetOrder of(ScalaVersion scala) {
    return scala == ScalaVersion.SCALA_2_12 ? new FlatHashTableOrder() : new ChainedHashSetOrder();
  }

  /**
   * @param inserted distinct elements, in the order they were added
   * @param hash each element's Scala {@code ##}
   */
  <T> List<T> order(List<T> inserted, ToIntFunction<T> hash);
}
