package io.sparkube.model.config;

import io.sparkube.model.error.SparkubeException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One setting, declared once: its key, what it does, the Spark version that introduced it, how
 * its value is read, its default and the check its value must pass. Older names that still work
 * are listed as {@code alternatives}, newest first, as Spark's own config entries do.
 *
 * @param defaultValue computes the default from the rest of the conf, or gives null when the key
 *     has no default
 */
public record ConfigKey<T>(
    String key,
    String doc,
    String since,
    ValueType<T> type,
    Function<Conf, T> defaultValue,
    Predicate<T> check,
    String checkMessage,
    List<String> alternatives) {

  public ConfigKey {
    Objects.requireNonNull(key);
    alternatives = List.copyOf(alternatives);
  }

  public static <T> Builder<T> of(String key, ValueType<T> type) {
    return new Builder<>(key, type);
  }

  /** The value in {@code conf}, or the default; fails naming the key when malformed. */
  public Optional<T> read(Conf conf) {
    Optional<T> value = conf.rawOf(this).map(raw -> ValueType.read(type, key, raw));
    value.ifPresent(this::validate);
    return value.or(() -> Optional.ofNullable(defaultValue.apply(conf)));
  }

  private void validate(T value) {
    if (!check.test(value)) {
      throw SparkubeException.invalidConfig(key + "=" + value + " is not valid: " + checkMessage);
    }
  }

  /** Step-by-step construction, so declarations read like Spark's ConfigBuilder. */
  public static final class Builder<T> {
    private final String key;
    private final ValueType<T> type;
    private String doc = "";
    private String since = "";
    private Function<Conf, T> defaultValue = c -> null;
    private Predicate<T> check = v -> true;
    private String checkMessage = "";
    private List<String> alternatives = List.of();

    private Builder(String key, ValueType<T> type) {
      this.key = key;
      this.type = type;
    }

    public Builder<T> doc(String doc) {
      this.doc = doc;
      return this;
    }

    public Builder<T> since(String since) {
      this.since = since;
      return this;
    }

    public Builder<T> alternatives(String... keys) {
      this.alternatives = List.of(keys);
      return this;
    }

    public Builder<T> check(Predicate<T> check, String message) {
      this.check = check;
      this.checkMessage = message;
      return this;
    }

    public ConfigKey<T> defaultTo(T value) {
      this.defaultValue = c -> value;
      return build();
    }

    /** A default that depends on another setting, as Spark's fallbackConf does. */
    public ConfigKey<T> defaultFrom(Function<Conf, T> defaultValue) {
      this.defaultValue = defaultValue;
      return build();
    }

    public ConfigKey<T> optional() {
      return build();
    }

    private ConfigKey<T> build() {
      return new ConfigKey<>(key, doc, since, type, defaultValue, check, checkMessage, alternatives);
    }
  }
}
