package io.sparkube.resources;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.ArrayList;
import java.util.List;

/**
 * Retries of a failed run: at most {@code maxAttempts} runs in all, each after an exponential
 * backoff, and only for the failure kinds listed (a bad setting is never retried).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class RestartPolicy {
  @JsonPropertyDescription("Runs in all, the first included; 1 means no retry.")
  private int maxAttempts = 1;

  @JsonPropertyDescription("Failure kinds worth a retry: DRIVER_FAILED, SUBMISSION_FAILED, DRIVER_LOST. Default: all three.")
  private List<RetryableFailure> onFailures = new ArrayList<>();

  @JsonPropertyDescription("Seconds before the first retry; each further retry waits twice as long.")
  private long backoffSeconds = 10;

  @JsonPropertyDescription("Longest wait between retries, in seconds.")
  private long maxBackoffSeconds = 300;

  public int getMaxAttempts() {
    return maxAttempts;
  }

  public void setMaxAttempts(int maxAttempts) {
    this.maxAttempts = maxAttempts;
  }

  public List<RetryableFailure> getOnFailures() {
    return onFailures;
  }

  public void setOnFailures(List<RetryableFailure> onFailures) {
    this.onFailures = onFailures == null ? new ArrayList<>() : onFailures;
  }

  public long getBackoffSeconds() {
    return backoffSeconds;
  }

  public void setBackoffSeconds(long backoffSeconds) {
    this.backoffSeconds = backoffSeconds;
  }

  public long getMaxBackoffSeconds() {
    return maxBackoffSeconds;
  }

  public void setMaxBackoffSeconds(long maxBackoffSeconds) {
    this.maxBackoffSeconds = maxBackoffSeconds;
  }
}
