package io.sparkube.submit.doctor;

import java.util.Optional;

/** One line of the doctor's table: what was checked, how it went, and how to fix a failure. */
public record Check(String name, Status status, String detail, Optional<String> fix) {

  public enum Status { PASS, WARN, FAIL, SKIP }

  static Check pass(String name, String detail) {
    return new Check(name, Status.PASS, detail, Optional.empty());
  }

  static Check fail(String name, String detail, String fix) {
    return new Check(name, Status.FAIL, detail, Optional.of(fix));
  }

  static Check warn(String name, String detail, String fix) {
    return new Check(name, Status.WARN, detail, Optional.of(fix));
  }

  static Check skip(String name, String detail) {
    return new Check(name, Status.SKIP, detail, Optional.empty());
  }
}
