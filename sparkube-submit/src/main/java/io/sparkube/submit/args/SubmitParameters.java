package io.sparkube.submit.args;

import io.sparkube.model.error.SparkubeException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * spark-submit flags given as one string, as a job-runs API's sparkSubmitParameters carries them,
 * for a server that submits on the caller's behalf. The server must not read its own files, pick
 * another cluster, or act on other jobs because a caller asked: such flags are refused.
 */
public final class SubmitParameters {
  private static final Set<Flag> NOT_ON_A_SERVER = EnumSet.of(Flag.MASTER, Flag.DEPLOY_MODE, Flag.PROPERTIES_FILE,
      Flag.LOAD_SPARK_DEFAULTS, Flag.KUBECONFIG, Flag.CONTEXT, Flag.KILL, Flag.STATUS, Flag.DRY_RUN, Flag.NO_WAIT,
      Flag.VERBOSE, Flag.HELP, Flag.VERSION, Flag.KEYTAB, Flag.PRINCIPAL);

  private SubmitParameters() {}

  /**
   * The words of {@code text} as a POSIX shell splits them: whitespace separates, single quotes
   * keep everything, double quotes keep all but backslash escapes, a backslash escapes one character.
   */
  public static List<String> split(String text) {
    var words = new ArrayList<String>();
    var word = new StringBuilder();
    boolean inWord = false;
    char quote = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quote == '\'') {
        if (c == '\'') {
          quote = 0;
        } else {
          word.append(c);
        }
      } else if (c == '\\' && i + 1 < text.length() && (quote == 0 || "\"\\$`".indexOf(text.charAt(i + 1)) >= 0)) {
        word.append(text.charAt(++i));
        inWord = true;
      } else if (quote == '"') {
        if (c == '"') {
          quote = 0;
        } else {
          word.append(c);
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
        inWord = true;
      } else if (Character.isWhitespace(c)) {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
      } else {
        word.append(c);
        inWord = true;
      }
    }
    if (quote != 0) {
      throw SparkubeException.invalidConfig("sparkSubmitParameters has an unclosed " + quote + " quote; close it");
    }
    if (inWord) {
      words.add(word.toString());
    }
    return words;
  }

  /** Refuses the flags a server must not obey, naming the first one found. */
  public static void requireServerSafe(List<String> words) {
    for (var word : words) {
      if (!word.startsWith("-")) {
        continue;
      }
      var name = word.contains("=") ? word.substring(0, word.indexOf('=')) : word;
      Flag.named(name).filter(NOT_ON_A_SERVER::contains).ifPresent(flag -> {
        throw SparkubeException.invalidConfig(flag.longName() + " cannot be used in sparkSubmitParameters: the"
            + " control plane picks the cluster and mode, and reads no files of its own; remove it (use --conf"
            + " for settings)");
      });
    }
  }
}
