package io.sparkube.staging.error;

/** Request text quoted back in an error: control characters masked, long values cut. */
public final class Shown {
  private Shown() {}

  public static String text(String raw) {
    if (raw == null) {
      return "";
    }
    var printable = raw.replaceAll("\\p{Cntrl}", "?");
    return printable.length() <= 80 ? printable : printable.substring(0, 77) + "...";
  }
}
