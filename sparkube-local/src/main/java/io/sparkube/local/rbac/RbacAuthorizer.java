package io.sparkube.local.rbac;

import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleRef;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Kubernetes RBAC over the stored Roles and bindings, with kube-apiserver's semantics: members of
 * {@code system:masters} may do anything; anyone else what a ClusterRoleBinding, or a RoleBinding
 * in the request's namespace, grants them, plus the {@link BootstrapPolicy}. Nothing is cached, so
 * a binding takes effect with the next request.
 */
public final class RbacAuthorizer {
  private static final List<PolicyRule> EVERYTHING = List.of(
      new PolicyRuleBuilder().withVerbs("*").withApiGroups("*").withResources("*").build(),
      new PolicyRuleBuilder().withVerbs("*").withNonResourceURLs("*").build());

  private final RbacObjects objects;

  public RbacAuthorizer(RbacObjects objects) {
    this.objects = objects;
  }

  public Decision authorize(UserInfo user, RequestAttributes request) {
    if (user.isSuperuser()) {
      return new Decision(true, "");
    }
    var errors = new LinkedHashSet<String>();
    var allowedBy = firstGrant(user, request.namespace(), errors, rule -> PolicyRules.allows(rule, request));
    return allowedBy.map(source -> new Decision(true, "RBAC: allowed by " + source))
        .orElseGet(() -> new Decision(false, errors.isEmpty() ? "" : "RBAC: " + aggregate(errors)));
  }

  /** The rules granted to a user in a namespace, cluster-wide ones included; {@code errors}: roles not found. */
  public record Rules(List<PolicyRule> rules, List<String> errors) {}

  public Rules rulesFor(UserInfo user, String namespace) {
    if (user.isSuperuser()) {
      return new Rules(EVERYTHING, List.of());
    }
    var rules = new ArrayList<PolicyRule>();
    var errors = new LinkedHashSet<String>();
    firstGrant(user, namespace, errors, rule -> {
      rules.add(rule);
      return false;
    });
    return new Rules(rules, List.copyOf(errors));
  }

  /** A ClusterRoleBinding (namespace empty) or a RoleBinding, as far as the walk over rules is concerned. */
  private record Binding(String kind, String name, String namespace, RoleRef roleRef, List<Subject> subjects) {
    /** kube's wording, e.g. {@code RoleBinding "b/ns" of Role "r" to ServiceAccount "sa/ns"}. */
    String describe(Subject subject) {
      return "%s \"%s\" of %s \"%s\" to %s".formatted(kind, namespace.isEmpty() ? name : name + "/" + namespace,
          roleRef.getKind(), roleRef.getName(), RbacAuthorizer.describe(subject, namespace));
    }
  }

  /**
   * Walks the user's rules in kube's order (cluster bindings, then the namespace's) to the first
   * that {@code wanted} accepts, and says which binding granted it.
   */
  private Optional<String> firstGrant(UserInfo user, String namespace, LinkedHashSet<String> errors,
      Predicate<PolicyRule> wanted) {
    for (var binding : bindings(namespace)) {
      var subject = firstApplying(binding.subjects(), user, binding.namespace());
      if (subject.isPresent()) {
        for (var rule : rules(binding.roleRef(), binding.namespace(), errors)) {
          if (wanted.test(rule)) {
            return Optional.of(binding.describe(subject.get()));
          }
        }
      }
    }
    return Optional.empty();
  }

  private List<Binding> bindings(String namespace) {
    var bindings = new ArrayList<Binding>();
    Stream.concat(BootstrapPolicy.BINDINGS.stream(), objects.clusterRoleBindings().stream()).forEach(b -> bindings.add(
        new Binding("ClusterRoleBinding", b.getMetadata().getName(), "", b.getRoleRef(), b.getSubjects())));
    if (!namespace.isEmpty()) {
      objects.roleBindings(namespace).forEach(b -> bindings.add(
          new Binding("RoleBinding", b.getMetadata().getName(), namespace, b.getRoleRef(), b.getSubjects())));
    }
    return bindings;
  }

  private List<PolicyRule> rules(RoleRef ref, String bindingNamespace, LinkedHashSet<String> errors) {
    var found = switch (String.valueOf(ref.getKind())) {
      case "ClusterRole" -> BootstrapPolicy.role(ref.getName()).or(() -> objects.clusterRole(ref.getName()))
          .map(ClusterRole::getRules);
      case "Role" -> objects.role(bindingNamespace, ref.getName()).map(Role::getRules);
      default -> {
        errors.add("unsupported role reference kind: \"" + ref.getKind() + "\"");
        yield Optional.of(List.<PolicyRule>of());
      }
    };
    if (found.isEmpty()) {
      var resource = ref.getKind().toLowerCase(Locale.ROOT) + ".rbac.authorization.k8s.io";
      errors.add(resource + " \"" + ref.getName() + "\" not found");
    }
    return found.map(rules -> rules == null ? List.<PolicyRule>of() : rules).orElse(List.of());
  }

  /** The first subject that is the user; a ServiceAccount without a namespace is in the binding's, as in kube. */
  private static Optional<Subject> firstApplying(List<Subject> subjects, UserInfo user, String bindingNamespace) {
    for (var subject : subjects == null ? List.<Subject>of() : subjects) {
      boolean applies = switch (String.valueOf(subject.getKind())) {
        case "User" -> user.name().equals(subject.getName());
        case "Group" -> user.groups().contains(subject.getName());
        case "ServiceAccount" -> {
          var namespace = accountNamespace(subject, bindingNamespace);
          yield !namespace.isEmpty() && user.name().equals(UserInfo.serviceAccountName(namespace, subject.getName()));
        }
        default -> false;
      };
      if (applies) {
        return Optional.of(subject);
      }
    }
    return Optional.empty();
  }

  private static String describe(Subject subject, String bindingNamespace) {
    if ("ServiceAccount".equals(subject.getKind())) {
      return "ServiceAccount \"" + subject.getName() + "/" + accountNamespace(subject, bindingNamespace) + "\"";
    }
    return subject.getKind() + " \"" + subject.getName() + "\"";
  }

  private static String accountNamespace(Subject subject, String bindingNamespace) {
    var namespace = subject.getNamespace();
    return namespace == null || namespace.isEmpty() ? bindingNamespace : namespace;
  }

  /** Kubernetes' error aggregate: one error as is, several as {@code [a, b]}. */
  private static String aggregate(LinkedHashSet<String> errors) {
    return errors.size() == 1 ? errors.iterator().next() : "[" + String.join(", ", errors) + "]";
  }
}
