package io.sparkube.submit.identity;

import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.sparkube.model.config.DnsNames;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The ServiceAccount an identity's jobs run as. It is shared by every job with that identity and
 * outlives them (a trust policy names it), so it is created when missing and never owned by a job.
 * An existing one is reused only if it carries the same identity.
 */
public final class JobServiceAccount {
  public static final String IDENTITY_ANNOTATION = "sparkube.io/identity";
  public static final String MANAGED_BY_LABEL = "app.kubernetes.io/managed-by";
  public static final String MANAGED_BY = "sparkube";

  private JobServiceAccount() {}

  /** {@code spark-<role, client id, binding or account name>}, made a DNS label. */
  public static String defaultName(Identity identity) {
    if (identity instanceof Identity.None) {
      throw new IllegalArgumentException("no identity, no ServiceAccount of its own");
    }
    var base = identity.accountNameBase();
    var name = ("spark-" + base.toLowerCase(Locale.ROOT)).replaceAll("[^a-z0-9-]+", "-").replaceAll("-+", "-")
        .replaceAll("-$", "");
    if (name.length() <= DnsNames.LABEL_MAX) {
      return name;
    }
    // Cut long names and keep them apart with a hash of the whole identity.
    var hash = sha256(identity.spec()).substring(0, 8);
    return name.substring(0, DnsNames.LABEL_MAX - 9).replaceAll("-$", "") + "-" + hash;
  }

  public static ServiceAccount desired(String namespace, String name, IdentityBinding binding) {
    var annotations = new LinkedHashMap<String, String>(binding.serviceAccountAnnotations());
    annotations.put(IDENTITY_ANNOTATION, binding.identity().spec());
    return new ServiceAccountBuilder().withNewMetadata().withName(name).withNamespace(namespace)
        .withLabels(Map.of(MANAGED_BY_LABEL, MANAGED_BY)).withAnnotations(annotations).endMetadata().build();
  }

  /** Why an existing account cannot serve an identity, and what to do about it. */
  public record Mismatch(String problem, String fix) {
    /** One line, as a failure message. */
    public String message() {
      return problem + "; " + fix;
    }
  }

  /**
   * Why {@code existing} cannot stand for {@code desired}, or empty when it can: every annotation
   * the provider reads must be there with the identity's value, and an account Sparkube made must
   * have been made for this identity.
   */
  public static Optional<Mismatch> mismatch(ServiceAccount existing, ServiceAccount desired) {
    Map<String, String> annotations = Optional.ofNullable(existing.getMetadata().getAnnotations()).orElse(Map.of());
    var namespace = desired.getMetadata().getNamespace();
    var name = desired.getMetadata().getName();
    var identity = desired.getMetadata().getAnnotations().get(IDENTITY_ANNOTATION);
    var where = "ServiceAccount " + namespace + "/" + name;
    var otherName = "; or name another one with --conf spark.kubernetes.authenticate.driver.serviceAccountName=<name>";
    for (var wanted : desired.getMetadata().getAnnotations().entrySet()) {
      var actual = annotations.get(wanted.getKey());
      if (!wanted.getKey().equals(IDENTITY_ANNOTATION) && !wanted.getValue().equals(actual)) {
        return Optional.of(new Mismatch(where + " exists " + (actual == null ? "without " + wanted.getKey()
            : "with " + wanted.getKey() + "=" + actual) + ", but " + identity + " needs " + wanted.getKey() + "="
            + wanted.getValue(), "fix it with kubectl annotate serviceaccount -n " + namespace + " " + name
            + " --overwrite " + wanted.getKey() + "=" + wanted.getValue() + otherName));
      }
    }
    var madeFor = annotations.get(IDENTITY_ANNOTATION);
    if (madeFor != null && !madeFor.equals(identity)) {
      return Optional.of(new Mismatch(where + " was created by Sparkube for " + madeFor + ", not " + identity,
          "give this job the other identity" + otherName));
    }
    return Optional.empty();
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
