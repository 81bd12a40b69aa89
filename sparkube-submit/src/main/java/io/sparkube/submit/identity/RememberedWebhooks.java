package io.sparkube.submit.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A lookup that asks the cluster once per marker and period, for a long-running submitter: webhooks
 * are installed rarely, and listing them for each of hundreds of job runs a second would be waste.
 */
public final class RememberedWebhooks implements WebhookLookup {
  private record Answer(Optional<Boolean> present, Instant asked) {}

  private final WebhookLookup cluster;
  private final Clock clock;
  private final Duration period;
  private final ConcurrentHashMap<String, Answer> answers = new ConcurrentHashMap<>();

  public RememberedWebhooks(WebhookLookup cluster, Clock clock, Duration period) {
    this.cluster = cluster;
    this.clock = clock;
    this.period = period;
  }

  @Override
  public Optional<Boolean> present(String marker) {
    var now = clock.instant();
    return answers.compute(marker, (m, known) -> known != null && known.asked().plus(period).isAfter(now)
        ? known : new Answer(cluster.present(m), now)).present();
  }
}
