package io.sparkube.submit.create;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.admissionregistration.v1.MutatingWebhookConfigurationBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.sparkube.submit.RecordingReporter;
import io.sparkube.submit.identity.HadoopRelease;
import io.sparkube.submit.identity.IdentityParser;
import io.sparkube.submit.identity.InjectionChoice;
import io.sparkube.submit.identity.JobIdentitySettings;
import io.sparkube.submit.identity.WebhookDetector;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Whether Sparkube injects the token, against an API server with and without the provider's webhook. */
class InjectionChoiceTest {
  private static final String IRSA = "aws-irsa:arn:aws:iam::111122223333:role/etl";
  private static final String WEBHOOKS = "/apis/admissionregistration.k8s.io/v1/mutatingwebhookconfigurations";

  private final ApiServer server = new ApiServer();
  private final KubernetesClient client = server.client();
  private final RecordingReporter reporter = new RecordingReporter();

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  private boolean inject(String identity, String mode) {
    var settings = new JobIdentitySettings(Optional.of(IdentityParser.parse("--identity", identity)), mode, true,
        new HadoopRelease(3, 4, 1));
    return InjectionChoice.inject(settings, () -> Optional.of(new WebhookDetector(client)::present), reporter);
  }

  @Test
  void autoInjectsWhenTheClusterHasNoWebhook() {
    assertThat(inject(IRSA, "auto")).isTrue();
    assertThat(reporter.infos).isEmpty();
  }

  @Test
  void autoLeavesItToTheProvidersWebhook() {
    addWebhook("pod-identity-webhook", "iam-for-pods.amazonaws.com");
    assertThat(inject(IRSA, "auto")).isFalse();
    // Another provider's webhook is not ours.
    assertThat(inject("azure:aaaaaaaa-1111-2222-3333-444444444444@bbbbbbbb-1111-2222-3333-444444444444", "auto"))
        .isTrue();
  }

  @Test
  void autoInjectsAndSaysSoWhenWebhooksCannotBeListed() {
    server.fail("GET", WEBHOOKS, 0, 403, "Forbidden", "mutatingwebhookconfigurations.admissionregistration.k8s.io is"
        + " forbidden: User \"alice\" cannot list resource", null);
    assertThat(inject(IRSA, "auto")).isTrue();
    assertThat(reporter.infos).singleElement().asString().contains("listing MutatingWebhookConfigurations is not allowed");
  }

  @Test
  void theFlagDecidesWithoutAsking() {
    addWebhook("pod-identity-webhook", "iam-for-pods.amazonaws.com");
    assertThat(inject(IRSA, "sparkube")).isTrue();
    assertThat(inject(IRSA, "webhook")).isFalse();
    assertThat(server.requests()).noneMatch(r -> r.startsWith("GET " + WEBHOOKS));
  }

  @Test
  void providersWithoutATokenNeverInject() {
    assertThat(inject("gcp:etl-reader@my-project.iam.gserviceaccount.com", "sparkube")).isFalse();
    assertThat(inject("azure-pod-identity:etl", "sparkube")).isFalse();
    assertThat(inject("none", "sparkube")).isFalse();
  }

  private void addWebhook(String configuration, String webhook) {
    client.admissionRegistration().v1().mutatingWebhookConfigurations().resource(
        new MutatingWebhookConfigurationBuilder().withNewMetadata().withName(configuration).endMetadata()
            .addNewWebhook().withName(webhook).withAdmissionReviewVersions("v1").withSideEffects("None")
            .withNewClientConfig().withUrl("https://example").endClientConfig().endWebhook().build()).create();
  }
}
