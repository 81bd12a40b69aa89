package io.sparkube.submit.driver.order;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.ToIntFunction;

/**
 * Scala 2.12's mutable.HashSet, an open-addressing FlatHashTable. Slots come from the top bits of
 * the byte-swapped hash, rotated by a seed that depends on the table length; a taken slot pushes
 * an element to the next free one (linear probing), so the insertion order matters for clashing
 * elements. The table starts at 32 slots and doubles, re-inserting in slot order, when the load
 * reaches 0.45. We replay exactly that.
 */
public final class FlatHashTableOrder implements MutableHashSetOrder {
  private static final int INITIAL_LENGTH = 32;
  private static final int LOAD_FACTOR_PER_MILLE = 450;

  @Override
  public <T> List<T> order(List<T> inserted, ToIntFunction<T> hash) {
    Object[] table = new Object[INITIAL_LENGTH];
    int size = 0;
    for (var element : inserted) {
      insert(table, element, hash);
      size++;
      if (size >= threshold(table.length)) {
        table = grown(table, hash);
      }
    }
    var out = new ArrayList<T>(size);
    Arrays.stream(table).filter(Objects::nonNull).forEach(e -> out.add(cast(e)));
    return out;
  }

  private static <T> Object[] grown(Object[] old, ToIntFunction<T> hash) {
    var table = new Object[old.length * 2];
    for (var element : old) {
      if (element != null) {
        insert(table, FlatHashTableOrder.<T>cast(element), hash);
      }
    }
    return table;
  }

  private static <T> void insert(Object[] table, T element, ToIntFunction<T> hash) {
    int slot = slot(hash.applyAsInt(element), table.length);
    while (table[slot] != null) {
      slot = (slot + 1) % table.length;
    }
    table[slot] = element;
  }

  static int slot(int hcode, int tableLength) {
    int bits = Integer.bitCount(tableLength - 1);
    int improved = Integer.rotateRight(byteswap32(hcode), bits);
    return (improved >>> (Integer.SIZE - bits)) & (tableLength - 1);
  }

  /** scala.util.hashing.byteswap32. */
  static int byteswap32(int v) {
    int hc = v * 0x9e3775cd;
    hc = Integer.reverseBytes(hc);
    return hc * 0x9e3775cd;
  }

  private static int threshold(int tableLength) {
    return (int) ((long) tableLength * LOAD_FACTOR_PER_MILLE / 1000);
  }

  @SuppressWarnings("unchecked")
  private static <T> T cast(Object element) {
    return (T) element;
  }
}
