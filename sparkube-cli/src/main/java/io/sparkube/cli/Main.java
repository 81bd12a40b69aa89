package io.sparkube.cli;

import java.util.Arrays;

/** The sparkube command. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args, Terminal.system()));
  }

  static int run(String[] args, Terminal terminal) {
    if (args.length > 0 && args[0].equals("submit")) {
      return Submit.run(Arrays.asList(args).subList(1, args.length), terminal);
    }
    return Sparkube.run(args, terminal);
  }
}
