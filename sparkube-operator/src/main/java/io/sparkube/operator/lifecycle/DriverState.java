package io.sparkube.operator.lifecycle;

import java.util.Optional;

/** What the current attempt's driver pod shows, as observed; never acted on directly. */
public sealed interface DriverState {
  /** The pod's name; empty only when there is no pod. */
  default Optional<String> podName() {
    return Optional.empty();
  }

  /** No driver pod for the attempt: not created yet, or gone. */
  record Absent() implements DriverState {}

  /** Created, not running yet (scheduling, pulling, starting). */
  record Waiting(String name) implements DriverState {
    @Override
    public Optional<String> podName() {
      return Optional.of(name);
    }
  }

  record Running(String name) implements DriverState {
    @Override
    public Optional<String> podName() {
      return Optional.of(name);
    }
  }

  record Succeeded(String name, int exitCode) implements DriverState {
    @Override
    public Optional<String> podName() {
      return Optional.of(name);
    }
  }

  /** Failed, or evicted; {@code reason} is the container's (Error, OOMKilled) or the pod's (Evicted). */
  record Failed(String name, int exitCode, String reason) implements DriverState {
    @Override
    public Optional<String> podName() {
      return Optional.of(name);
    }
  }
}
