package io.sparkube.submit;

/**
 * Where submission code says things to the user. The CLI prints to the terminal; tests and the
 * operator collect the lines.
 */
public interface Reporter {
  /** Something the user should change, e.g. a deprecated key; one line. */
  void warn(String line);

  /** Progress worth a line of its own, e.g. "created pod x". */
  void info(String line);

  /** A status line that replaces the previous one on a terminal. */
  void status(String line);

  Reporter SILENT = new Reporter() {
    @Override
    public void warn(String line) {}

    @Override
    public void info(String line) {}

    @Override
    public void status(String line) {}
  };
}
