package io.sparkube.submit.identity;

import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.sparkube.submit.SubmitRequest;
import java.util.Optional;

/**
 * A job with its identity written in.
 *
 * @param request the conf and pod templates Spark's client is then given
 * @param serviceAccount the identity's ServiceAccount, to create if missing; empty with no identity
 * @param serviceAccountName what the driver runs as ("default" when nothing names one)
 * @param injected whether Sparkube, rather than a webhook, adds the token volume and env vars
 */
public record AppliedIdentity(
    SubmitRequest request, Optional<IdentityBinding> binding, Optional<ServiceAccount> serviceAccount,
    String serviceAccountName, boolean injected) {}
