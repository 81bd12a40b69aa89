package io.sparkube.submit.driver.order;

import java.util.List;

/**
 * A Scala case class value described for hashing: its name (Scala's productPrefix) and its
 * fields in declaration order. Fields are Strings, Booleans, Optionals (Scala Options),
 * Map&lt;String, String&gt; or nested ScalaProducts.
 */
public record ScalaProduct(String prefix, List<Object> elements) {
  public ScalaProduct {
    elements = List.copyOf(elements);
  }

  public static ScalaProduct of(String prefix, Object... elements) {
    return new ScalaProduct(prefix, List.of(elements));
  }
}
