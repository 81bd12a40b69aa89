package io.sparkube.submit.kube;

import io.sparkube.model.config.Conf;
import io.sparkube.model.config.ConfigKey;
import io.sparkube.model.error.SparkubeException;
import java.nio.file.Files;
import java.nio.file.Path;
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

  /** The settings in {@code conf}; every file they name must be readable now, before anything is sent. */
  public static SubmissionAuth from(Conf conf) {
    return new SubmissionAuth(
        readableFile(conf, SubmissionAuthKeys.CA_CERT_FILE),
        readableFile(conf, SubmissionAuthKeys.CLIENT_KEY_FILE),
        readableFile(conf, SubmissionAuthKeys.CLIENT_CERT_FILE),
        conf.getOptional(SubmissionAuthKeys.OAUTH_TOKEN),
        readableFile(conf, SubmissionAuthKeys.OAUTH_TOKEN_FILE));
  }

  private static Optional<String> readableFile(Conf conf, ConfigKey<String> key) {
    var file = conf.getOptional(key);
    file.filter(f -> !Files.isRegularFile(Path.of(f)) || !Files.isReadable(Path.of(f))).ifPresent(f -> {
      throw SparkubeException.invalidConfig(key.key() + "=" + f + " is not a readable file; fix the path");
    });
    return file;
  }
}
