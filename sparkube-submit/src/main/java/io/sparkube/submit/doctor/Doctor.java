package io.sparkube.submit.doctor;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a job's identity chain end to end: the ServiceAccount, the driver's access, the job's
 * pods, the token issuer, and a token as the cloud would see it. It only reads (and asks for a
 * short-lived token and access reviews, which the API server does not store).
 */
public final class Doctor {
  private final KubernetesClient client;
  private final HttpClient http;

  public Doctor(KubernetesClient client) {
    this(client, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build());
  }

  Doctor(KubernetesClient client, HttpClient http) {
    this.client = client;
    this.http = http;
  }

  public List<Check> examine(DoctorSubject subject) {
    var checks = new ArrayList<Check>();
    var account = ServiceAccountCheck.run(client, subject);
    checks.add(account);
    checks.addAll(new AccessChecks(new AccessReviews(client)).run(subject));
    checks.addAll(JobPodsCheck.run(subject));
    var issuer = new IssuerCheck(client, http).run();
    checks.add(issuer.check());
    checks.add(account.status() == Check.Status.FAIL && account.detail().equals("does not exist")
        ? Check.skip("token audience and subject", "the ServiceAccount does not exist")
        : TokenCheck.run(client, subject, issuer.issuer()));
    return checks;
  }

  public static boolean passed(List<Check> checks) {
    return checks.stream().noneMatch(c -> c.status() == Check.Status.FAIL);
  }
}
