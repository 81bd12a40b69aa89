package io.sparkube.submit.identity;

import java.util.Optional;

/**
 * The cloud identity a job's driver and executors run with, as {@code --identity} names it. Each
 * kind knows how it is written; what it adds to a job is {@link IdentityBinding}'s business.
 */
public sealed interface Identity {

  /** The value as {@code --identity} takes it, e.g. {@code aws-irsa:arn:aws:iam::1:role/etl}. */
  String spec();

  /** Which cloud's credentials the identity stands for. */
  Cloud cloud();

  /** The name a ServiceAccount of this identity is derived from; empty for {@link None}. */
  String accountNameBase();

  enum Cloud { AWS, AZURE, GCP, NONE }

  /** AWS IAM Roles for Service Accounts: the role ARN is an annotation of the ServiceAccount. */
  record AwsIrsa(RoleArn role) implements Identity {
    @Override
    public String spec() {
      return "aws-irsa:" + role.arn();
    }

    @Override
    public Cloud cloud() {
      return Cloud.AWS;
    }

    @Override
    public String accountNameBase() {
      return role.roleName();
    }
  }

  /** EKS Pod Identity: the role is associated with the ServiceAccount through the EKS API. */
  record AwsPodIdentity(RoleArn role) implements Identity {
    @Override
    public String spec() {
      return "aws-pod-identity:" + role.arn();
    }

    @Override
    public Cloud cloud() {
      return Cloud.AWS;
    }

    @Override
    public String accountNameBase() {
      return role.roleName();
    }
  }

  /** Azure Workload Identity: a managed identity's or app's client id, and optionally its tenant. */
  record AzureWorkload(String clientId, Optional<String> tenantId) implements Identity {
    @Override
    public String spec() {
      return "azure:" + clientId + tenantId.map(t -> "@" + t).orElse("");
    }

    @Override
    public Cloud cloud() {
      return Cloud.AZURE;
    }

    @Override
    public String accountNameBase() {
      return clientId;
    }
  }

  /** The older aad-pod-identity: pods carrying the binding's label get its identity from NMI. */
  record AzurePodIdentity(String binding) implements Identity {
    @Override
    public String spec() {
      return "azure-pod-identity:" + binding;
    }

    @Override
    public Cloud cloud() {
      return Cloud.AZURE;
    }

    @Override
    public String accountNameBase() {
      return binding;
    }
  }

  /** GKE Workload Identity: the ServiceAccount is annotated with a Google service account. */
  record GcpWorkload(String serviceAccountEmail) implements Identity {
    @Override
    public String spec() {
      return "gcp:" + serviceAccountEmail;
    }

    @Override
    public Cloud cloud() {
      return Cloud.GCP;
    }

    @Override
    public String accountNameBase() {
      return serviceAccountEmail.substring(0, serviceAccountEmail.indexOf('@'));
    }
  }

  /** No cloud identity: the job gets no web-identity token and no storage credential settings. */
  record None() implements Identity {
    @Override
    public String spec() {
      return "none";
    }

    @Override
    public Cloud cloud() {
      return Cloud.NONE;
    }

    @Override
    public String accountNameBase() {
      return "";
    }
  }
}
