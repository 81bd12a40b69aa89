package io.sparkube.submit.driver.order;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * Scala 2.12's HashTrieMap / HashTrieSet. Each trie level indexes by the next 5 bits of the improved
 * hash, lowest bits first, and iteration walks every level's slots in index order, descending into
 * sub-tries where they sit. So the order is lexicographic over the 5-bit slices. Keys whose whole
 * hash is equal share a collision bucket; we keep them in insertion order.
 */
public final class HashTrieOrder implements ImmutableHashOrder {
  @Override
  public <T> List<T> byImprovedHash(List<T> inserted, ToIntFunction<T> improvedHash) {
    var sorted = new ArrayList<T>(inserted);
    // List.sort is stable, which keeps whole-hash collisions in insertion order.
    sorted.sort((a, b) -> compareSlices(improvedHash.applyAsInt(a), improvedHash.applyAsInt(b)));
    return sorted;
  }

  static int compareSlices(int h1, int h2) {
    for (int shift = 0; shift < Integer.SIZE; shift += 5) {
      int c = Integer.compare((h1 >>> shift) & 0x1f, (h2 >>> shift) & 0x1f);
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }
}
