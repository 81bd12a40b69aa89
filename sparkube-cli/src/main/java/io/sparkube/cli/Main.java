package io.sparkube.cli;

/** The sparkube command. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(Sparkube.run(args, Terminal.system()));
  }
}
