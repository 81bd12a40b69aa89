package io.sparkube.submit.driver.order;

import java.util.List;
import java.util.function.ToIntFunction;

/**
 * The iteration order of a Scala immutable Map or Set built by adding elements one by one (as
 * {@code toMap}, {@code toSet} and {@code map} do). Up to four elements live in Map1..Map4 /
 * Set1..Set4, which keep insertion order; from the fifth on, the builder switches to a hash trie
 * whose order depends only on the elements' {@code ##}.
 */
public sealed interface ImmutableHashOrder permits HashTrieOrder, ChampOrder {
  int SMALL_COLLECTION_MAX = 4;

  static ImmutableHashOrder of(ScalaVersion scala) {
    return scala == ScalaVersion.SCALA_2_12 ? new HashTrieOrder() : new ChampOrder();
  }

  /**
   * @param inserted distinct elements, in the order they were added
   * @param hash each element's Scala {@code ##}
   */
  default <T> List<T> order(List<T> inserted, ToIntFunction<T> hash) {
    return inserted.size() <= SMALL_COLLECTION_MAX ? List.copyOf(inserted) : hashed(inserted, hash);
  }

  /** The order of the hash trie alone, whatever the size. */
  default <T> List<T> hashed(List<T> inserted, ToIntFunction<T> hash) {
    return byImprovedHash(inserted, e -> improve(hash.applyAsInt(e)));
  }

  /** The trie's order given the improved hashes, whose 5-bit slices pick the slots. */
  <T> List<T> byImprovedHash(List<T> inserted, ToIntFunction<T> improvedHash);

  /** Both tries spread {@code ##} with the same function before taking 5-bit slices of it. */
  static int improve(int hcode) {
    int h = hcode + ~(hcode << 9);
    h = h ^ (h >>> 14);
    h = h + (h << 4);
    return h ^ (h >>> 10);
  }
}
