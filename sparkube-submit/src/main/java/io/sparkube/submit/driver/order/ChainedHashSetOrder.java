package io.sparkube.submit.driver.order;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * Scala 2.13's mutable.HashSet: a table of buckets, each a list kept sorted by improved hash
 * (equal hashes in insertion order). The bucket is the low bits of {@code ## ^ (## >>> 16)}.
 * Growing splits buckets without reordering them, so the final order is that of the final table:
 * bucket, then improved hash (signed), then insertion. The table starts at 16 buckets and
 * doubles just before an insertion would reach 0.75 of it.
 */
public final class ChainedHashSetOrder implements MutableHashSetOrder {
  private static final int INITIAL_LENGTH = 16;
  private static final double LOAD_FACTOR = 0.75;

  @Override
  public <T> List<T> order(List<T> inserted, ToIntFunction<T> hash) {
    int mask = tableLength(inserted.size()) - 1;
    var sorted = new ArrayList<T>(inserted);
    // List.sort is stable: equal hashes stay in insertion order, as the buckets keep them.
    sorted.sort(Comparator.<T>comparingInt(e -> improve(hash.applyAsInt(e)) & mask)
        .thenComparingInt(e -> improve(hash.applyAsInt(e))));
    return sorted;
  }

  static int tableLength(int elements) {
    int length = INITIAL_LENGTH;
    for (int size = 0; size < elements; size++) {
      if (size + 1 >= (int) (length * LOAD_FACTOR)) {
        length *= 2;
      }
    }
    return length;
  }

  private static int improve(int hcode) {
    return hcode ^ (hcode >>> 16);
  }
}
