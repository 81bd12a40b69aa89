package io.sparkube.jobruns.config;

import static io.sparkube.jobruns.config.JobRunsKeys.PREFIX;

import io.sparkube.model.config.Conf;
import io.sparkube.model.config.ConfigKey;
import io.sparkube.model.error.SparkubeException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The job-runs API's settings, read and checked once from {@code sparkube.jobruns.*} entries.
 *
 * @param tokenFile empty when callers must sign with SigV4
 * @param accessKeysFile empty when callers must send the bearer token
 * @param principal createdBy of runs started with the bearer token
 */
public record JobRunsSettings(
    String host,
    int port,
    Optional<Path> tokenFile,
    Optional<Path> accessKeysFile,
    String principal,
    String region,
    String accountId,
    int maxRequestBytes,
    Tls tls) {

  public static JobRunsSettings read(Conf conf) {
    rejectUnknownKeys(conf);
    var tokenFile = path(conf, JobRunsKeys.TOKEN_FILE);
    var accessKeysFile = path(conf, JobRunsKeys.ACCESS_KEYS_FILE);
    if (tokenFile.isEmpty() && accessKeysFile.isEmpty()) {
      throw SparkubeException.invalidConfig("neither " + JobRunsKeys.TOKEN_FILE.key() + " nor "
          + JobRunsKeys.ACCESS_KEYS_FILE.key() + " is set, so no caller could be admitted; set at least one");
    }
    return new JobRunsSettings(
        conf.get(JobRunsKeys.HOST),
        conf.get(JobRunsKeys.PORT),
        tokenFile,
        accessKeysFile,
        conf.get(JobRunsKeys.PRINCIPAL),
        conf.get(JobRunsKeys.REGION_NAME),
        conf.get(JobRunsKeys.ACCOUNT_ID),
        Math.toIntExact(conf.get(JobRunsKeys.MAX_REQUEST_BYTES)),
        tls(conf));
  }

  /** A misspelt key would otherwise leave its default in force without a word. */
  private static void rejectUnknownKeys(Conf conf) {
    var known = new TreeSet<String>();
    JobRunsKeys.ALL.forEach(k -> known.add(k.key()));
    for (var key : conf.asMap().keySet()) {
      if (key.startsWith(PREFIX) && !known.contains(key)) {
        throw SparkubeException.invalidConfig(key + " is not a job-runs API setting; use one of " + known);
      }
    }
  }

  private static Optional<Path> path(Conf conf, ConfigKey<String> key) {
    return conf.getOptional(key).map(String::strip).filter(v -> !v.isEmpty()).map(Path::of);
  }

  private static Tls tls(Conf conf) {
    var cert = path(conf, JobRunsKeys.TLS_CERT_FILE);
    var key = path(conf, JobRunsKeys.TLS_KEY_FILE);
    if (cert.isPresent() != key.isPresent()) {
      throw SparkubeException.invalidConfig(JobRunsKeys.TLS_CERT_FILE.key() + " and " + JobRunsKeys.TLS_KEY_FILE.key()
          + " go together; set both, or neither for plain http");
    }
    return cert.<Tls>map(c -> new Tls.Pem(c, key.get())).orElseGet(Tls.None::new);
  }
}
