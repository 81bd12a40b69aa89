package io.sparkube.cli;

import picocli.CommandLine;

/** Creates commands with the terminal they print to, when their constructor asks for one. */
final class TerminalFactory implements CommandLine.IFactory {
  private final Terminal terminal;
  private final CommandLine.IFactory fallback = CommandLine.defaultFactory();

  TerminalFactory(Terminal terminal) {
    this.terminal = terminal;
  }

  @Override
  public <K> K create(Class<K> type) throws Exception {
    try {
      var constructor = type.getDeclaredConstructor(Terminal.class);
      constructor.setAccessible(true);
      return constructor.newInstance(terminal);
    } catch (NoSuchMethodException e) {
      return fallback.create(type);
    }
  }
}
