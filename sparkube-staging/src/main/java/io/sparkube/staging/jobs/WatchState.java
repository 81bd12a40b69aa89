package io.sparkube.staging.jobs;

/** The driver-pod watch's lifecycle; {@link #to} holds its only transitions. */
public enum WatchState {
  /** Checking access and listing driver pods. */
  STARTING,
  /** Every informer listed and is watching: what it sees can be trusted. */
  WATCHING,
  /** The watch could not start or stopped on an error; jobs are released only when their submitter says so. */
  FAILED,
  /** Closed with the server. */
  STOPPED;

  /** The state after asking for {@code next}: a stopped watch stays stopped, a failed one only stops. */
  WatchState to(WatchState next) {
    return switch (this) {
      case STARTING -> next;
      case WATCHING -> next == STARTING ? this : next;
      case FAILED -> next == STOPPED ? next : this;
      case STOPPED -> this;
    };
  }
}
