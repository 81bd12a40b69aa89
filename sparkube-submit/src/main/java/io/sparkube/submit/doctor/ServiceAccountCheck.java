package io.sparkube.submit.doctor;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.sparkube.submit.identity.JobServiceAccount;
import java.util.stream.Collectors;

/** The job's ServiceAccount exists and carries what its identity's provider reads. */
final class ServiceAccountCheck {
  private ServiceAccountCheck() {}

  static Check run(KubernetesClient client, DoctorSubject subject) {
    var name = "ServiceAccount " + subject.namespace() + "/" + subject.serviceAccount();
    var existing = client.serviceAccounts().inNamespace(subject.namespace()).withName(subject.serviceAccount()).get();
    if (existing == null) {
      return Check.fail(name, "does not exist", subject.binding()
          .map(b -> "sparkube submit --identity " + b.identity().spec() + " creates it")
          .orElse("kubectl create serviceaccount -n " + subject.namespace() + " " + subject.serviceAccount()));
    }
    if (subject.binding().isEmpty()) {
      return Check.pass(name, "exists (no identity to check)");
    }
    var binding = subject.binding().get();
    var desired = JobServiceAccount.desired(subject.namespace(), subject.serviceAccount(), binding);
    var mismatch = JobServiceAccount.mismatch(existing, desired);
    if (mismatch.isPresent()) {
      return Check.fail(name, mismatch.get().problem(), mismatch.get().fix());
    }
    var carried = binding.serviceAccountAnnotations().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(", "));
    return Check.pass(name, carried.isEmpty() ? "exists; " + binding.identity().spec()
        + " puts nothing on the account" : "carries " + carried);
  }
}
