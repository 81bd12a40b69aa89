package io.sparkube.submit.driver.order;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.function.ToIntFunction;

/**
 * Scala 2.13's CHAMP HashMap / HashSet. A node keeps the elements that are alone in their 5-bit
 * slot inline and the crowded slots as sub-nodes; iteration yields a node's inline elements (in
 * slot order) before descending into its sub-nodes (in slot order). Elements with equal hashes
 * end in a collision node that keeps insertion order.
 */
public final class ChampOrder implements ImmutableHashOrder {
  private static final int BITS_PER_LEVEL = 5;

  @Override
  public <T> List<T> byImprovedHash(List<T> inserted, ToIntFunction<T> improvedHash) {
    var out = new ArrayList<T>(inserted.size());
    var improved = inserted.stream().map(e -> new Hashed<>(e, improvedHash.applyAsInt(e))).toList();
    walk(improved, 0, out);
    return out;
  }

  private record Hashed<T>(T element, int hash) {}

  private static <T> void walk(List<Hashed<T>> node, int shift, List<T> out) {
    if (node.size() == 1 || shift >= Integer.SIZE) {
      node.forEach(h -> out.add(h.element()));
      return;
    }
    var slots = new TreeMap<Integer, List<Hashed<T>>>();
    for (var h : node) {
      slots.computeIfAbsent((h.hash() >>> shift) & 0x1f, s -> new ArrayList<>()).add(h);
    }
    slots.values().stream().filter(s -> s.size() == 1).forEach(s -> out.add(s.get(0).element()));
    slots.values().stream().filter(s -> s.size() > 1).forEach(s -> walk(s, shift + BITS_PER_LEVEL, out));
  }
}
