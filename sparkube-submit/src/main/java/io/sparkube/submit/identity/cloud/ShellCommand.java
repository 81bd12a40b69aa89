package io.sparkube.submit.identity.cloud;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** A command line to paste: one flag per line, values quoted only where a shell would misread them. */
final class ShellCommand {
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");
  private static final Pattern NEEDS_SINGLE_QUOTES = Pattern.compile("[$`\"\\\\!]");

  private final String program;
  private final List<String> flags = new ArrayList<>();

  /** @param program the command and its subcommands, e.g. {@code aws iam create-role} */
  ShellCommand(String program) {
    this.program = program;
  }

  ShellCommand flag(String name, String value) {
    flags.add(name + " " + quote(value));
    return this;
  }

  /** The value, or when it is unknown a {@code <placeholder>} for the user to replace. */
  ShellCommand flag(String name, Optional<String> value, String placeholder) {
    flags.add(name + " " + value.map(ShellCommand::quote).orElse("<" + placeholder + ">"));
    return this;
  }

  ShellCommand argument(String value) {
    flags.add(quote(value));
    return this;
  }

  String render() {
    var text = new StringBuilder(program);
    flags.forEach(flag -> text.append(" \\\n    ").append(flag));
    return text.append('\n').toString();
  }

  static String quote(String value) {
    if (PLAIN.matcher(value).matches()) {
      return value;
    }
    if (!NEEDS_SINGLE_QUOTES.matcher(value).find()) {
      return "\"" + value + "\"";
    }
    return "'" + value.replace("'", "'\\''") + "'";
  }
}
