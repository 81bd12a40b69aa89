package io.sparkube.submit.create;

import io.fabric8.kubernetes.api.model.ServiceAccount;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * ServiceAccounts lately seen to exist and to serve the identity a job wants, so that a
 * long-running submitter need not read one for every job: all jobs of an identity share it. A
 * failure creating a driver with an account forgets it, so an account deleted or changed out of
 * band costs at most one failed attempt, which the operator retries.
 */
public final class VerifiedServiceAccounts {
  /**
   * A busy operator then reads each account about once a minute instead of for every run, and an
   * account whose annotations are edited out of band is checked again within a minute even if no
   * driver fails meanwhile.
   */
  public static final Duration TRUSTED_FOR = Duration.ofSeconds(60);
  /** Accounts are one per identity and namespace; past this many, expired ones are dropped. */
  private static final int TIDY_ABOVE = 1024;

  /** What is trusted: an account of this name, for this wanted content. */
  private record Key(String namespace, String name, Map<String, String> labels, Map<String, String> annotations) {
    static Key of(ServiceAccount wanted) {
      var metadata = wanted.getMetadata();
      return new Key(metadata.getNamespace(), metadata.getName(),
          Optional.ofNullable(metadata.getLabels()).map(Map::copyOf).orElse(Map.of()),
          Optional.ofNullable(metadata.getAnnotations()).map(Map::copyOf).orElse(Map.of()));
    }
  }

  private final Clock clock;
  private final Duration trustedFor;
  private final ConcurrentHashMap<Key, Instant> verifiedAt = new ConcurrentHashMap<>();

  public VerifiedServiceAccounts(Clock clock, Duration trustedFor) {
    this.clock = clock;
    this.trustedFor = trustedFor;
  }

  /** Trusts nothing, so every job reads its account: for a one-job process such as the CLI. */
  public static VerifiedServiceAccounts none() {
    return new VerifiedServiceAccounts(Clock.systemUTC(), Duration.ZERO);
  }

  /** Whether an account with {@code wanted}'s content was verified within the trusted time. */
  boolean trusted(ServiceAccount wanted) {
    if (trustedFor.isZero()) {
      return false;
    }
    var at = verifiedAt.get(Key.of(wanted));
    return at != null && clock.instant().isBefore(at.plus(trustedFor));
  }

  /** The account exists with {@code wanted}'s content, as read (or created) just now. */
  void verified(ServiceAccount wanted) {
    if (trustedFor.isZero()) {
      return;
    }
    var now = clock.instant();
    if (verifiedAt.size() > TIDY_ABOVE) {
      verifiedAt.values().removeIf(at -> !now.isBefore(at.plus(trustedFor)));
    }
    verifiedAt.put(Key.of(wanted), now);
  }

  /** A driver using the account failed: read it again next time. */
  void forget(ServiceAccount wanted) {
    verifiedAt.remove(Key.of(wanted));
  }
}
