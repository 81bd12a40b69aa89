package io.sparkube.submit.driver.order;

import io.sparkube.model.SparkLine;

/**
 * The Scala library a Spark line runs on. Hash codes and the layout of hashed collections changed
 * between 2.12 and 2.13, so every order Spark derives from a hashed collection depends on it.
 */
public enum ScalaVersion {
  SCALA_2_12,
  SCALA_2_13;

  public static ScalaVersion of(SparkLine line) {
    return switch (line.scalaBinaryVersion()) {
      case "2.12" -> SCALA_2_12;
      case "2.13" -> SCALA_2_13;
      default -> throw new IllegalArgumentException("Spark " + line + " runs on Scala "
          + line.scalaBinaryVersion() + ", whose collection orders Sparkube does not model");
    };
  }
}
