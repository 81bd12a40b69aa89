package io.sparkube.fidelity;

import io.sparkube.model.SparkLine;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/** Random confs for order tests: some ordinary settings around a family of prefixed ones. */
final class RandomConfs {
  private static final String[] VOLUME_TYPES = {"hostPath", "emptyDir", "persistentVolumeClaim", "nfs"};

  private RandomConfs() {}

  static String word(Random random) {
    var alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz0123456789-.";
    var sb = new StringBuilder();
    int length = 1 + random.nextInt(16);
    for (int i = 0; i < length; i++) {
      sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return sb.toString();
  }

  static String envName(Random random) {
    var alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ_0123456789";
    var sb = new StringBuilder().append((char) ('A' + random.nextInt(26)));
    int length = random.nextInt(14);
    for (int i = 0; i < length; i++) {
      sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return sb.toString();
  }

  static Map<String, String> ordinary(Random random) {
    var settings = new LinkedHashMap<String, String>();
    int count = random.nextInt(30);
    for (int i = 0; i < count; i++) {
      settings.put("spark." + word(random), word(random));
    }
    return settings;
  }

  static Map<String, String> withEnv(Random random, String prefix, int size) {
    var settings = ordinary(random);
    var keys = new ArrayList<String>();
    while (keys.size() < size) {
      keys.add(prefix + envName(random));
    }
    // Interleave the family with the rest, as a command line would.
    var mixed = new LinkedHashMap<String, String>();
    var rest = new ArrayList<>(settings.entrySet());
    for (var key : keys) {
      if (!rest.isEmpty() && random.nextBoolean()) {
        var e = rest.remove(0);
        mixed.put(e.getKey(), e.getValue());
      }
      mixed.put(key, word(random));
    }
    rest.forEach(e -> mixed.put(e.getKey(), e.getValue()));
    return mixed;
  }

  static Map<String, String> withVolumes(Random random, String prefix, int volumes, SparkLine line) {
    var settings = ordinary(random);
    for (int i = 0; i < volumes; i++) {
      var type = VOLUME_TYPES[random.nextInt(VOLUME_TYPES.length)];
      var base = prefix + type + "." + word(random).replace('.', '-') + ".";
      settings.put(base + "mount.path", "/mnt/" + i);
      if (random.nextBoolean()) {
        settings.put(base + "mount.readOnly", Boolean.toString(random.nextBoolean()));
      }
      if (random.nextBoolean()) {
        settings.put(base + "mount.subPath", word(random));
      }
      switch (type) {
        case "hostPath" -> settings.put(base + "options.path", "/host/" + word(random));
        case "nfs" -> {
          settings.put(base + "options.path", "/export/" + word(random));
          settings.put(base + "options.server", word(random));
        }
        case "emptyDir" -> {
          if (random.nextBoolean()) {
            settings.put(base + "options.medium", "Memory");
          }
          if (random.nextBoolean()) {
            settings.put(base + "options.sizeLimit", (1 + random.nextInt(9)) + "Gi");
          }
        }
        default -> {
          settings.put(base + "options.claimName", random.nextBoolean() ? "OnDemand" : word(random));
          if (random.nextBoolean()) {
            settings.put(base + "options.storageClass", word(random));
            settings.put(base + "options.sizeLimit", (1 + random.nextInt(9)) + "Gi");
          }
          if (line.atLeast(SparkLine.V4_0) && random.nextBoolean()) {
            settings.put(base + "label." + envName(random).toLowerCase(), word(random));
            settings.put(base + "annotation." + envName(random).toLowerCase(), word(random));
          }
        }
      }
    }
    return settings;
  }
}
