package io.sparkube.local.rbac;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import org.junit.jupiter.api.Test;

class PolicyRulesTest {
  private static RequestAttributes pods(String verb, String name) {
    return RequestAttributes.resource(verb, "", "default", "pods", "", name);
  }

  private static PolicyRule rule(String group, String resource, String... verbs) {
    return new PolicyRuleBuilder().withApiGroups(group).withResources(resource).withVerbs(verbs).build();
  }

  @Test
  void verbsGroupsAndResourcesMustAllMatch() {
    var rule = rule("", "pods", "get", "list");
    assertThat(PolicyRules.allows(rule, pods("get", "p"))).isTrue();
    assertThat(PolicyRules.allows(rule, pods("list", ""))).isTrue();
    assertThat(PolicyRules.allows(rule, pods("create", ""))).isFalse();
    assertThat(PolicyRules.allows(rule, RequestAttributes.resource("get", "apps", "default", "pods", "", "p")))
        .isFalse();
    assertThat(PolicyRules.allows(rule, RequestAttributes.resource("get", "", "default", "services", "", "p")))
        .isFalse();
  }

  @Test
  void wildcards() {
    var everything = rule("*", "*", "*");
    assertThat(PolicyRules.allows(everything, pods("deletecollection", ""))).isTrue();
    assertThat(PolicyRules.allows(everything, RequestAttributes.resource("get", "x.io", "", "things", "status", "t")))
        .isTrue();
    assertThat(PolicyRules.allows(rule("*", "pods", "get"), RequestAttributes.resource("get", "metrics.k8s.io",
        "default", "pods", "", "p"))).isTrue();
  }

  @Test
  void subresourcesAreTheirOwnResource() {
    var log = RequestAttributes.resource("get", "", "default", "pods", "log", "p");
    assertThat(PolicyRules.allows(rule("", "pods", "get"), log)).isFalse();
    assertThat(PolicyRules.allows(rule("", "pods/log", "get"), log)).isTrue();
    assertThat(PolicyRules.allows(rule("", "*/log", "get"), log)).isTrue();
    assertThat(PolicyRules.allows(rule("", "*/status", "get"), log)).isFalse();
    assertThat(PolicyRules.allows(rule("", "pods/log", "get"), pods("get", "p"))).isFalse();
    assertThat(PolicyRules.allows(rule("", "*/log", "get"), pods("get", "p"))).isFalse();
  }

  @Test
  void resourceNamesOnlyAllowRequestsForThoseNames() {
    var named = new PolicyRuleBuilder().withApiGroups("").withResources("pods").withResourceNames("driver")
        .withVerbs("get", "update", "patch", "delete", "list", "watch", "create", "deletecollection").build();
    assertThat(PolicyRules.allows(named, pods("get", "driver"))).isTrue();
    assertThat(PolicyRules.allows(named, pods("patch", "driver"))).isTrue();
    assertThat(PolicyRules.allows(named, pods("delete", "driver"))).isTrue();
    assertThat(PolicyRules.allows(named, pods("get", "executor"))).isFalse();
    // Requests without a name never match a rule with resourceNames...
    assertThat(PolicyRules.allows(named, pods("list", ""))).isFalse();
    assertThat(PolicyRules.allows(named, pods("watch", ""))).isFalse();
    assertThat(PolicyRules.allows(named, pods("create", ""))).isFalse();
    assertThat(PolicyRules.allows(named, pods("deletecollection", ""))).isFalse();
    // ...except a list or watch whose field selector names the object, as on a real cluster.
    assertThat(PolicyRules.allows(named, pods("watch", "driver"))).isTrue();
    // A rule without resourceNames allows any name and none.
    assertThat(PolicyRules.allows(rule("", "pods", "get", "list"), pods("get", "anything"))).isTrue();
  }

  @Test
  void nonResourceUrls() {
    var discovery = new PolicyRuleBuilder().withVerbs("get").withNonResourceURLs("/apis/*", "/version").build();
    assertThat(PolicyRules.allows(discovery, RequestAttributes.nonResource("get", "/apis/apps/v1"))).isTrue();
    assertThat(PolicyRules.allows(discovery, RequestAttributes.nonResource("get", "/version"))).isTrue();
    assertThat(PolicyRules.allows(discovery, RequestAttributes.nonResource("get", "/version/x"))).isFalse();
    assertThat(PolicyRules.allows(discovery, RequestAttributes.nonResource("post", "/version"))).isFalse();
    assertThat(PolicyRules.allows(discovery, RequestAttributes.nonResource("get", "/apis"))).isFalse();
    // Resource rules never allow paths, nor path rules resources.
    assertThat(PolicyRules.allows(rule("*", "*", "*"), RequestAttributes.nonResource("get", "/metrics"))).isFalse();
    var all = new PolicyRuleBuilder().withVerbs("*").withNonResourceURLs("*").build();
    assertThat(PolicyRules.allows(all, RequestAttributes.nonResource("get", "/metrics"))).isTrue();
    assertThat(PolicyRules.allows(all, pods("get", "p"))).isFalse();
  }
}
