package io.sparkube.submit.kube;

import io.sparkube.model.config.Conf;
import io.sparkube.model.error.SparkubeException;
import java.util.Optional;

/** Credentials given through {@link SubmissionAuthKeys}; each one overrides the kubeconfig's. */
public record SubmissionAuth(
    Optional<String> caCertFile,
    Optional<String> clientKeyFile,
    Optional<String> clientCertFile,
    Optional<String> oauthToken,
    Optional<String> oauthTokenFile) {

  public static final SubmissionAuth NONE = new SubmissionAuth(
      Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

  public SubmissionAuth {
    if (oauthToken.isPresent() && oauthTokenFile.isPresent()) {
      throw SparkubeException.invalidConfig("both " + SubmissionAuthKeys.OAUTH_TOKEN.key() + " and "
          + SubmissionAuthKeys.OAUTH_TOKEN_FILE.key() + " are set; keep only the file");
    }
  }

  public static SubmissionAuth from(Conf conf) {
    return new SubmissionAuth(
        conf.getOptional(SubmissionAuthKeys.CA_CERT_FILE),
        conf.getOptional(SubmissionAuthKeys.CLIENT_KEY_FILE),
        conf.getOptional(SubmissionAuthKeys.CLIENT_CERT_FILE),
        conf.getOptional(SubmissionAuthKeys.OAUTH_TOKEN),
        conf.getOptional(SubmissionAuthKeys.OAUTH_TOKEN_FILE));
  }
}
