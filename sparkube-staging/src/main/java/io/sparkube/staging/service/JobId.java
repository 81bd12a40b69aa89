package io.sparkube.staging.service;

import io.sparkube.staging.error.Shown;
import io.sparkube.staging.error.Problem;
import io.sparkube.staging.error.StagingException;
import java.util.regex.Pattern;

/** Who references blobs: a submission's id, such as {@code namespace:driver-pod}. */
public record JobId(String value) {
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,252}");

  public JobId {
    if (value == null || !ID.matcher(value).matches()) {
      throw new StagingException(Problem.BAD_REQUEST, "job id \"" + Shown.text(value) + "\" is not valid; use letters,"
          + " digits, '.', '_', ':' and '-', starting with a letter or digit, at most 253 characters");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
