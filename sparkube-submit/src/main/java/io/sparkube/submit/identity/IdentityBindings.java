package io.sparkube.submit.identity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The facts of each provider: the annotations, labels, token and env its webhook uses, and the
 * storage connector settings for the image's Hadoop line. The names are the providers' own, so a
 * pod Sparkube prepared looks like one the webhook mutated.
 */
public final class IdentityBindings {
  public static final String IRSA_ROLE_ANNOTATION = "eks.amazonaws.com/role-arn";
  public static final String AZURE_CLIENT_ID_ANNOTATION = "azure.workload.identity/client-id";
  public static final String AZURE_TENANT_ID_ANNOTATION = "azure.workload.identity/tenant-id";
  public static final String AZURE_USE_LABEL = "azure.workload.identity/use";
  public static final String AAD_POD_IDENTITY_LABEL = "aadpodidbinding";
  public static final String GKE_GSA_ANNOTATION = "iam.gke.io/gcp-service-account";

  static final String AWS_STS_AUDIENCE = "sts.amazonaws.com";
  static final String EKS_POD_IDENTITY_AUDIENCE = "pods.eks.amazonaws.com";
  static final String AZURE_AUDIENCE = "api://AzureADTokenExchange";
  static final String AZURE_AUTHORITY_HOST = "https://login.microsoftonline.com/";
  private static final String S3A_PROVIDER = "fs.s3a.aws.credentials.provider";
  private static final String ABFS = "org.apache.hadoop.fs.azurebfs.oauth2.";

  private IdentityBindings() {}

  public static IdentityBinding of(Identity identity, HadoopRelease hadoop) {
    if (identity instanceof Identity.AwsIrsa irsa) {
      return awsIrsa(irsa, hadoop);
    }
    if (identity instanceof Identity.AwsPodIdentity podIdentity) {
      return awsPodIdentity(podIdentity, hadoop);
    }
    if (identity instanceof Identity.AzureWorkload azure) {
      return azureWorkload(azure, hadoop);
    }
    if (identity instanceof Identity.AzurePodIdentity aad) {
      // NMI answers the instance metadata endpoint for pods carrying the binding's label.
      var caveats = !hadoop.msiNeedsTenantAndClient() ? List.<String>of() : List.of("ABFS's MSI provider in Hadoop " + hadoop
          + " needs the identity's tenant and client id: set spark.hadoop.fs.azure.account.oauth2.msi.tenant and"
          + " spark.hadoop.fs.azure.account.oauth2.client.id");
      return new IdentityBinding(aad, Map.of(), Map.of(AAD_POD_IDENTITY_LABEL, aad.binding()), Optional.empty(),
          Optional.empty(), inOrder("fs.azure.account.auth.type", "OAuth",
              "fs.azure.account.oauth.provider.type", ABFS + "MsiTokenProvider"), caveats);
    }
    if (identity instanceof Identity.GcpWorkload gcp) {
      // GKE's metadata server answers with the Google service account the ServiceAccount is
      // bound to. Connector 3.x reads fs.gs.auth.type (COMPUTE_ENGINE: the metadata server);
      // 2.2.x uses the metadata server whenever no key file is configured.
      return new IdentityBinding(gcp, Map.of(GKE_GSA_ANNOTATION, gcp.serviceAccountEmail()), Map.of(),
          Optional.empty(), Optional.empty(), Map.of("fs.gs.auth.type", "COMPUTE_ENGINE"), List.of());
    }
    return new IdentityBinding(identity, Map.of(), Map.of(), Optional.empty(), Optional.empty(), Map.of(), List.of());
  }

  private static IdentityBinding awsIrsa(Identity.AwsIrsa irsa, HadoopRelease hadoop) {
    var mount = "/var/run/secrets/eks.amazonaws.com/serviceaccount";
    var env = new LinkedHashMap<String, String>();
    env.put("AWS_ROLE_ARN", irsa.role().arn());
    env.put("AWS_WEB_IDENTITY_TOKEN_FILE", mount + "/token");
    var token = new WorkloadToken("aws-iam-token", AWS_STS_AUDIENCE, 86400, mount, "token", env);
    var provider = hadoop.awsSdkV2() ? "software.amazon.awssdk.auth.credentials.WebIdentityTokenFileCredentialsProvider"
        : "com.amazonaws.auth.WebIdentityTokenCredentialsProvider";
    return new IdentityBinding(irsa, Map.of(IRSA_ROLE_ANNOTATION, irsa.role().arn()), Map.of(), Optional.of(token),
        Optional.of("pod-identity-webhook"), Map.of(S3A_PROVIDER, provider), List.of());
  }

  private static IdentityBinding awsPodIdentity(Identity.AwsPodIdentity podIdentity, HadoopRelease hadoop) {
    var mount = "/var/run/secrets/pods.eks.amazonaws.com/serviceaccount";
    var file = "eks-pod-identity-token";
    var env = new LinkedHashMap<String, String>();
    env.put("AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://169.254.170.23/v1/credentials");
    env.put("AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE", mount + "/" + file);
    var token = new WorkloadToken(file, EKS_POD_IDENTITY_AUDIENCE, 86400, mount, file, env);
    // SDK v2's container provider has no public constructor for S3A to call; Hadoop's IAM
    // instance provider wraps it and uses it whenever AWS_CONTAINER_CREDENTIALS_FULL_URI is set.
    var provider = hadoop.awsSdkV2() ? "org.apache.hadoop.fs.s3a.auth.IAMInstanceCredentialsProvider"
        : "com.amazonaws.auth.EC2ContainerCredentialsProviderWrapper";
    var caveats = hadoop.awsSdkV2() ? List.<String>of() : List.of("the AWS SDK v1 in Hadoop " + hadoop + " images"
        + " predates EKS Pod Identity (it neither reaches 169.254.170.23 nor sends the token), so S3A cannot use the"
        + " association; use aws-irsa, or an image with Hadoop 3.4 (Spark 4.x)");
    // The role is associated through the EKS API, not the ServiceAccount: nothing to annotate.
    return new IdentityBinding(podIdentity, Map.of(), Map.of(), Optional.of(token), Optional.of("pod-identity-webhook"),
        Map.of(S3A_PROVIDER, provider), caveats);
  }

  private static IdentityBinding azureWorkload(Identity.AzureWorkload azure, HadoopRelease hadoop) {
    var mount = "/var/run/secrets/azure/tokens";
    var file = "azure-identity-token";
    var annotations = new LinkedHashMap<String, String>();
    annotations.put(AZURE_CLIENT_ID_ANNOTATION, azure.clientId());
    azure.tenantId().ifPresent(t -> annotations.put(AZURE_TENANT_ID_ANNOTATION, t));
    var env = new LinkedHashMap<String, String>();
    env.put("AZURE_CLIENT_ID", azure.clientId());
    azure.tenantId().ifPresent(t -> env.put("AZURE_TENANT_ID", t));
    env.put("AZURE_FEDERATED_TOKEN_FILE", mount + "/" + file);
    env.put("AZURE_AUTHORITY_HOST", AZURE_AUTHORITY_HOST);
    var token = new WorkloadToken(file, AZURE_AUDIENCE, 3600, mount, file, env);
    var hadoopSettings = new LinkedHashMap<String, String>();
    var caveats = new ArrayList<String>();
    if (!hadoop.abfsWorkloadIdentity()) {
      caveats.add("ABFS in Hadoop " + hadoop + " has no workload identity token provider (it came in Hadoop 3.4.1),"
          + " so no ABFS settings were added; the Azure SDK env vars are set");
    } else if (azure.tenantId().isEmpty()) {
      caveats.add("ABFS needs the tenant id and " + azure.spec() + " names none, so no ABFS settings were added;"
          + " give azure:<client-id>@<tenant-id>");
    } else {
      // The provider reads Hadoop settings only, never the AZURE_* env vars.
      hadoopSettings.put("fs.azure.account.auth.type", "OAuth");
      hadoopSettings.put("fs.azure.account.oauth.provider.type", ABFS + "WorkloadIdentityTokenProvider");
      hadoopSettings.put("fs.azure.account.oauth2.msi.tenant", azure.tenantId().get());
      hadoopSettings.put("fs.azure.account.oauth2.client.id", azure.clientId());
      hadoopSettings.put("fs.azure.account.oauth2.token.file", token.tokenFile());
    }
    return new IdentityBinding(azure, annotations, Map.of(AZURE_USE_LABEL, "true"), Optional.of(token),
        Optional.of("azure-wi-webhook"), hadoopSettings, caveats);
  }

  private static Map<String, String> inOrder(String... keysAndValues) {
    var map = new LinkedHashMap<String, String>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }
}
