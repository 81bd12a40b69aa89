package io.sparkube.jobruns.wire;

import java.util.List;
import java.util.Map;

/** One classification, such as spark-defaults, with its properties and nested classifications. */
public record Configuration(String classification, Map<String, String> properties,
    List<Configuration> configurations) {}
