package io.sparkube.jobruns.auth;

import io.sparkube.model.error.SparkubeException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The access keys file: one {@code <accessKeyId>=<secretAccessKey> [<arn>]} a line, '#' starting a
 * comment. Without an ARN, runs are created by {@code arn:aws:iam::<accountId>:user/<accessKeyId>}.
 * Messages name the file and line, never a secret.
 */
public final class AccessKeys {
  private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9]{1,128}");
  private static final Pattern ARN = Pattern.compile("arn:[^\\s]+");
  private static final String FORMAT = "<accessKeyId>=<secretAccessKey> [<arn>]";

  private final Map<String, AccessKey> byId;

  private AccessKeys(Map<String, AccessKey> byId) {
    this.byId = Map.copyOf(byId);
  }

  public static AccessKeys of(AccessKey... keys) {
    var byId = new LinkedHashMap<String, AccessKey>();
    for (var key : keys) {
      byId.put(key.accessKeyId(), key);
    }
    return new AccessKeys(byId);
  }

  public static AccessKeys read(Path file, String settingKey, String accountId) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw SparkubeException.invalidConfig(settingKey + "=" + file + " cannot be read (" + e.getMessage()
          + "); point it at a file of '" + FORMAT + "' lines");
    }
    var byId = new LinkedHashMap<String, AccessKey>();
    var lines = text.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      var line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      // The line may hold a secret: say what is wrong with it without quoting it.
      var number = i + 1;
      var key = parse(line, accountId).orElseThrow(() -> bad(settingKey, file, number, "is not '" + FORMAT
          + "' (an id of letters and digits, a secret without blanks, and optionally an ARN); fix that line"));
      if (byId.put(key.accessKeyId(), key) != null) {
        throw bad(settingKey, file, i + 1, "lists access key " + key.accessKeyId() + " twice; keep one line");
      }
    }
    if (byId.isEmpty()) {
      throw SparkubeException.invalidConfig(settingKey + "=" + file + " holds no access keys; add '" + FORMAT
          + "' lines");
    }
    return new AccessKeys(byId);
  }

  private static Optional<AccessKey> parse(String line, String accountId) {
    int eq = line.indexOf('=');
    var id = eq < 0 ? "" : line.substring(0, eq).strip();
    var rest = eq < 0 ? new String[0] : line.substring(eq + 1).strip().split("\\s+");
    if (!KEY_ID.matcher(id).matches() || rest.length < 1 || rest[0].isEmpty() || rest.length > 2
        || (rest.length == 2 && !ARN.matcher(rest[1]).matches())) {
      return Optional.empty();
    }
    var arn = rest.length == 2 ? rest[1] : "arn:aws:iam::" + accountId + ":user/" + id;
    return Optional.of(new AccessKey(id, rest[0], arn));
  }

  private static SparkubeException bad(String settingKey, Path file, int line, String what) {
    return SparkubeException.invalidConfig(settingKey + "=" + file + " line " + line + " " + what);
  }

  public Optional<AccessKey> find(String accessKeyId) {
    return Optional.ofNullable(byId.get(accessKeyId));
  }
}
