package io.sparkube.fidelity;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * A file written by {@link Properties#store}: its comment lines, then entries whose order is that
 * of a Hashtable, i.e. of hash buckets and insertion history, not of anything Spark chose. So the
 * entries are compared as a map; the comments, in order.
 */
record PropertiesText(List<String> comments, Map<String, String> entries) {

  static PropertiesText parse(String text) {
    var properties = new Properties();
    try {
      properties.load(new StringReader(text));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    var entries = new TreeMap<String, String>();
    properties.stringPropertyNames().forEach(k -> entries.put(k, properties.getProperty(k)));
    var comments = text.lines()
        .map(String::stripLeading)
        .filter(l -> l.startsWith("#") || l.startsWith("!"))
        .toList();
    return new PropertiesText(comments, entries);
  }
}
