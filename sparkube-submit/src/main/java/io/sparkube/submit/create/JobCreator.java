package io.sparkube.submit.create;

import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.sparkube.model.error.Failure;
import io.sparkube.model.error.SparkubeException;
import io.sparkube.submit.JobPlan;
import io.sparkube.submit.Reporter;
import io.sparkube.submit.identity.JobServiceAccount;
import io.sparkube.submit.kube.ApiCall;
import io.sparkube.submit.kube.ApiFailures;
import java.util.Optional;

/**
 * Creates a job: its identity's ServiceAccount if missing (an existing one must carry the same
 * identity), then the driver's objects. If the driver's objects fail, a ServiceAccount made by
 * this submission is deleted too, so nothing is left half-done. A long-running caller passes the
 * accounts it verified lately, so that it does not read the account again for each job.
 */
public final class JobCreator {
  private final KubernetesClient client;
  private final Reporter reporter;
  private final VerifiedServiceAccounts accounts;

  public JobCreator(KubernetesClient client, Reporter reporter) {
    this(client, reporter, VerifiedServiceAccounts.none());
  }

  public JobCreator(KubernetesClient client, Reporter reporter, VerifiedServiceAccounts accounts) {
    this.client = client;
    this.reporter = reporter;
    this.accounts = accounts;
  }

  /**
   * A driver adopted from an earlier pass of the same submission returns normally, so an account
   * this call created for it is kept: the adopted driver runs as it.
   */
  public CreatedDriver create(JobPlan plan) {
    var createdAccount = plan.serviceAccount().flatMap(this::ensure);
    try {
      return new DriverCreator(client, reporter).create(plan.driver());
    } catch (RuntimeException e) {
      // The account may be why it failed (deleted out of band): read it again next time.
      plan.serviceAccount().ifPresent(accounts::forget);
      createdAccount.ifPresent(account -> {
        try {
          client.resource(account).delete();
        } catch (RuntimeException deleteFailure) {
          e.addSuppressed(deleteFailure);
        }
      });
      throw e;
    }
  }

  /** The ServiceAccount this call created, or empty when a matching one was there. */
  private Optional<ServiceAccount> ensure(ServiceAccount wanted) {
    if (accounts.trusted(wanted)) {
      return Optional.empty();
    }
    var created = ensureOnCluster(wanted);
    accounts.verified(wanted);
    return created;
  }

  private Optional<ServiceAccount> ensureOnCluster(ServiceAccount wanted) {
    var namespace = wanted.getMetadata().getNamespace();
    var name = wanted.getMetadata().getName();
    var existing = ApiFailures.call(ApiCall.of(client, "get", "serviceaccounts", namespace, name),
        () -> client.serviceAccounts().inNamespace(namespace).withName(name).get());
    if (existing != null) {
      JobServiceAccount.mismatch(existing, wanted).ifPresent(why -> {
        throw new SparkubeException(Failure.IDENTITY_CONFLICT, why.message());
      });
      return Optional.empty();
    }
    ServiceAccount created;
    try {
      created = ApiFailures.call(ApiCall.of(client, "create", wanted, namespace),
          () -> client.serviceAccounts().inNamespace(namespace).resource(wanted).create());
    } catch (SparkubeException e) {
      // Another job of the same identity created it in between (an operator submits many at once):
      // it is theirs, and it must carry the same identity as any existing one.
      var raced = client.serviceAccounts().inNamespace(namespace).withName(name).get();
      if (raced == null) {
        throw e;
      }
      JobServiceAccount.mismatch(raced, wanted).ifPresent(why -> {
        throw new SparkubeException(Failure.IDENTITY_CONFLICT, why.message());
      });
      return Optional.empty();
    }
    reporter.info("created ServiceAccount " + namespace + "/" + name + " for "
        + wanted.getMetadata().getAnnotations().get(JobServiceAccount.IDENTITY_ANNOTATION));
    return Optional.of(created);
  }
}
