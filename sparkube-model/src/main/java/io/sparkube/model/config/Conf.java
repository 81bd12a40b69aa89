package io.sparkube.model.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An immutable set of {@code spark.*} settings, in the order they were given. It is the one
 * place typed keys are read from; raw access exists for prefixed families such as labels.
 */
public final class Conf {
  private final Map<String, String> entries;

  private Conf(Map<String, String> entries) {
    this.entries = Collections.unmodifiableMap(entries);
  }

  public static Conf of(Map<String, String> entries) {
    return new Conf(new LinkedHashMap<>(entries));
  }

  public static Conf empty() {
    return new Conf(new LinkedHashMap<>());
  }

  public <T> T get(ConfigKey<T> key) {
    return key.read(this).orElseThrow(() -> new IllegalStateException(key.key() + " has no default"));
  }

  public <T> Optional<T> getOptional(ConfigKey<T> key) {
    return key.read(this);
  }

  /** True when the key or one of its alternatives is set explicitly. */
  public boolean contains(ConfigKey<?> key) {
    return rawOf(key).isPresent();
  }

  /** The raw value of a key, looking at its alternatives too, as Spark's SparkConf does. */
  public Optional<String> rawOf(ConfigKey<?> key) {
    var value = raw(key.key());
    for (var alternative : key.alternatives()) {
      if (value.isPresent()) {
        break;
      }
      value = raw(alternative);
    }
    return value;
  }

  public Optional<String> raw(String key) {
    return Optional.ofNullable(entries.get(key));
  }

  public boolean containsRaw(String key) {
    return entries.containsKey(key);
  }

  /** Settings under {@code prefix}, with the prefix removed, in key order as Spark lists them. */
  public Map<String, String> withPrefix(String prefix) {
    var out = new TreeMap<String, String>();
    entries.forEach((k, v) -> {
      if (k.startsWith(prefix)) {
        out.put(k.substring(prefix.length()), v);
      }
    });
    return out;
  }

  public Conf with(String key, String value) {
    var copy = new LinkedHashMap<>(entries);
    copy.put(key, value);
    return new Conf(copy);
  }

  public Conf without(String key) {
    var copy = new LinkedHashMap<>(entries);
    copy.remove(key);
    return new Conf(copy);
  }

  public Map<String, String> asMap() {
    return entries;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Conf other && entries.equals(other.entries);
  }

  @Override
  public int hashCode() {
    return entries.hashCode();
  }

  @Override
  public String toString() {
    return entries.toString();
  }
}
