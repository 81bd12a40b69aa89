package io.sparkube.submit.doctor;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Pod;
import io.sparkube.submit.identity.IdentityBinding;
import io.sparkube.submit.identity.WorkloadToken;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A job's live pods carry its identity: the ServiceAccount, the provider's labels, and (where the
 * provider uses one) the token volume, its mount in the Spark container, and the env vars. Live
 * pods show what a webhook added too, so this holds whoever injected.
 */
final class JobPodsCheck {
  private JobPodsCheck() {}

  static List<Check> run(DoctorSubject subject) {
    var checks = new ArrayList<Check>();
    subject.driver().ifPresent(pod -> checks.add(check("driver", pod, subject)));
    if (subject.driver().isPresent() && subject.executors().isEmpty()) {
      checks.add(Check.skip("executor pods", "none exist now (not started yet, or already gone)"));
    }
    subject.executors().forEach(pod -> checks.add(check("executor", pod, subject)));
    return checks;
  }

  private static Check check(String role, Pod pod, DoctorSubject subject) {
    var name = role + " pod " + pod.getMetadata().getName();
    var problems = new ArrayList<String>();
    var account = Optional.ofNullable(pod.getSpec().getServiceAccountName()).orElse("default");
    if (!account.equals(subject.serviceAccount())) {
      problems.add("runs as ServiceAccount " + account + ", not " + subject.serviceAccount());
    }
    subject.binding().ifPresent(binding -> problems.addAll(identityProblems(pod, binding)));
    if (problems.isEmpty()) {
      return Check.pass(name, "ServiceAccount " + account + subject.binding().flatMap(IdentityBinding::token)
          .map(t -> ", token volume " + t.volumeName() + " at " + t.mountPath() + ", env set").orElse(""));
    }
    return Check.fail(name, String.join("; ", problems), "submit the job with sparkube submit --identity "
        + subject.binding().map(b -> b.identity().spec()).orElse("<identity>")
        + " (on clusters whose webhook should inject, check that it is running)");
  }

  private static List<String> identityProblems(Pod pod, IdentityBinding binding) {
    var problems = new ArrayList<String>();
    Map<String, String> labels = Optional.ofNullable(pod.getMetadata().getLabels()).orElse(Map.of());
    binding.podLabels().forEach((label, value) -> {
      if (!value.equals(labels.get(label))) {
        problems.add("has no label " + label + "=" + value);
      }
    });
    binding.token().ifPresent(token -> problems.addAll(tokenProblems(pod, token)));
    return problems;
  }

  private static List<String> tokenProblems(Pod pod, WorkloadToken token) {
    var problems = new ArrayList<String>();
    var volume = Optional.ofNullable(pod.getSpec().getVolumes()).orElse(List.of()).stream()
        .filter(v -> v.getName().equals(token.volumeName())).findFirst();
    var projectsToken = volume.map(v -> v.getProjected() != null && v.getProjected().getSources().stream()
        .anyMatch(s -> s.getServiceAccountToken() != null
            && token.audience().equals(s.getServiceAccountToken().getAudience()))).orElse(false);
    if (!projectsToken) {
      problems.add("has no volume " + token.volumeName() + " projecting a token for " + token.audience());
    }
    var container = sparkContainer(pod);
    var mounted = Optional.ofNullable(container.getVolumeMounts()).orElse(List.of()).stream()
        .anyMatch(m -> m.getName().equals(token.volumeName()) && m.getMountPath().equals(token.mountPath()));
    if (!mounted) {
      problems.add("container " + container.getName() + " does not mount it at " + token.mountPath());
    }
    var env = Optional.ofNullable(container.getEnv()).orElse(List.of());
    token.env().forEach((variable, value) -> {
      var set = env.stream().filter(e -> e.getName().equals(variable)).map(EnvVar::getValue).filter(Objects::nonNull)
          .findFirst();
      if (!set.map(value::equals).orElse(false)) {
        problems.add("env " + variable + (set.isEmpty() ? " is not set" : " is " + set.get() + ", not " + value));
      }
    });
    return problems;
  }

  private static Container sparkContainer(Pod pod) {
    var containers = pod.getSpec().getContainers();
    return containers.stream().filter(c -> c.getName() != null && c.getName().startsWith("spark-kubernetes-"))
        .findFirst().orElse(containers.get(0));
  }

}
