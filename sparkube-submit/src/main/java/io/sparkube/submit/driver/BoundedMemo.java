package io.sparkube.submit.driver;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Remembers a pure function's results for inputs that recur from job to job, such as an identity's
 * pod template, for a process that submits many jobs. Safe for many threads; a failed computation
 * is not remembered. When full it forgets everything rather than tracking use: the inputs worth
 * keeping are few and come back at once, while a flood of one-off inputs should cost no bookkeeping.
 */
public final class BoundedMemo<K, V> {
  private final int capacity;
  private final ConcurrentHashMap<K, V> values = new ConcurrentHashMap<>();

  public BoundedMemo(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1, not " + capacity);
    }
    this.capacity = capacity;
  }

  /** The value remembered for {@code key}, else {@code compute}'s, remembered. */
  public V get(K key, Function<K, V> compute) {
    var known = values.get(key);
    if (known != null) {
      return known;
    }
    // Computed outside the map's locks: two threads may both compute a new key, and one result wins.
    var value = compute.apply(key);
    if (values.size() >= capacity) {
      values.clear();
    }
    var raced = values.putIfAbsent(key, value);
    return raced != null ? raced : value;
  }
}
