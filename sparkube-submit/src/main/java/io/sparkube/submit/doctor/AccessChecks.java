package io.sparkube.submit.doctor;

import io.sparkube.submit.access.AccessRule;
import io.sparkube.submit.access.DriverAccess;
import java.util.ArrayList;
import java.util.List;

/**
 * The driver's ServiceAccount can do what Spark's driver does, and not much more. When each
 * submission creates the driver's Role, the account needs no standing access; the submitter must
 * then be able to create the Role and grant what it holds.
 */
final class AccessChecks {
  /** What Spark never needs; having it means the account can read or act far beyond the job. */
  private static final List<AccessRule> BEYOND_SPARK = List.of(
      new AccessRule("", "secrets", List.of("get", "list"), "read any Secret in the namespace"),
      new AccessRule("", "pods/exec", List.of("create"), "run commands in any pod"),
      new AccessRule("rbac.authorization.k8s.io", "rolebindings", List.of("create"), "grant itself more"));

  private final AccessReviews reviews;

  AccessChecks(AccessReviews reviews) {
    this.reviews = reviews;
  }

  List<Check> run(DoctorSubject subject) {
    var checks = new ArrayList<Check>();
    var rules = DriverAccess.rules(subject.line(), subject.conf());
    if (subject.rbacBySubmit() && subject.driver().isEmpty()) {
      checks.add(submitterCanGrant(subject, rules));
    } else {
      rules.forEach(rule -> checks.add(accountMay(subject, rule)));
    }
    checks.add(notBeyondSpark(subject));
    return checks;
  }

  private Check accountMay(DoctorSubject subject, AccessRule rule) {
    var name = "driver may " + String.join(",", rule.verbs()) + " " + rule.resource();
    var missing = new ArrayList<String>();
    for (var verb : rule.verbs()) {
      var allowed = reviews.may(subject.user(), subject.groups(), verb, rule.apiGroup(), rule.resource(),
          subject.namespace());
      if (allowed.isEmpty()) {
        return Check.skip(name, "you may not create SubjectAccessReviews; check with kubectl auth can-i " + verb + " "
            + rule.resource() + " -n " + subject.namespace() + " --as=" + subject.user());
      }
      if (!allowed.get()) {
        missing.add(verb);
      }
    }
    if (missing.isEmpty()) {
      return Check.pass(name, "for " + rule.why());
    }
    return Check.fail(name, subject.user() + " may not " + String.join(",", missing) + " " + rule.resource(),
        "let sparkube submit create the driver's Role (drop --no-rbac), or grant it: kubectl create role -n "
            + subject.namespace() + " spark-driver --verb=" + String.join(",", rule.verbs()) + " --resource="
            + rule.resource() + " && kubectl create rolebinding -n " + subject.namespace()
            + " spark-driver --role=spark-driver --serviceaccount=" + subject.namespace() + ":" + subject.serviceAccount());
  }

  private Check submitterCanGrant(DoctorSubject subject, List<AccessRule> rules) {
    var name = "you may create the driver's Role";
    var missing = new ArrayList<String>();
    for (var kind : List.of("roles", "rolebindings")) {
      for (var verb : List.of("create", "patch")) {
        if (!reviews.callerMay(verb, "rbac.authorization.k8s.io", kind, subject.namespace())) {
          missing.add(verb + " " + kind);
        }
      }
    }
    // RBAC lets a user grant only what it holds itself (short of the escalate verb).
    for (var rule : rules) {
      for (var verb : rule.verbs()) {
        if (!reviews.callerMay(verb, rule.apiGroup(), rule.resource(), subject.namespace())) {
          missing.add(verb + " " + rule.resource());
        }
      }
    }
    if (missing.isEmpty()) {
      return Check.pass(name, "each submission grants " + subject.serviceAccount() + " what its driver needs,"
          + " owned by the driver pod");
    }
    return Check.fail(name, "you may not " + String.join(", ", missing) + " in namespace " + subject.namespace(),
        "ask for those permissions, or have an admin bind the driver's access to " + subject.serviceAccount()
            + " and submit with --no-rbac");
  }

  private Check notBeyondSpark(DoctorSubject subject) {
    var name = "driver has no access beyond Spark's needs";
    var beyond = new ArrayList<String>();
    for (var rule : BEYOND_SPARK) {
      for (var verb : rule.verbs()) {
        var allowed = reviews.may(subject.user(), subject.groups(), verb, rule.apiGroup(), rule.resource(),
            subject.namespace());
        if (allowed.isEmpty()) {
          return Check.skip(name, "you may not create SubjectAccessReviews");
        }
        if (allowed.get()) {
          beyond.add(verb + " " + rule.resource() + " (" + rule.why() + ")");
        }
      }
    }
    return beyond.isEmpty() ? Check.pass(name, "no secrets, pods/exec or RBAC")
        : Check.warn(name, subject.user() + " may also " + String.join(", ", beyond),
            "remove the bindings that grant it: kubectl get rolebindings,clusterrolebindings -A -o wide | grep "
                + subject.serviceAccount());
  }
}
