package io.sparkube.submit.identity;

import io.sparkube.model.config.Conf;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Settings a user may have left in a job that make a storage connector or SDK use some other
 * credential than the job's identity: static keys, per-bucket or per-account overrides, and the
 * SDKs' own credential env vars. They win (explicit settings always do) but are named in a warning.
 */
final class DefeatingSettings {
  private static final String ENV = "(spark\\.kubernetes\\.driverEnv|spark\\.executorEnv)\\.";
  private static final List<Pattern> AWS = patterns(
      "spark\\.hadoop\\.fs\\.s3a\\.(access\\.key|secret\\.key|session\\.token)",
      "spark\\.hadoop\\.fs\\.s3a\\.bucket\\.[^.]+(\\.[^.]+)*\\.(aws\\.credentials\\.provider|access\\.key|secret\\.key)",
      ENV + "(AWS_ACCESS_KEY_ID|AWS_SECRET_ACCESS_KEY|AWS_SESSION_TOKEN|AWS_PROFILE)");
  private static final List<Pattern> AZURE = patterns(
      "spark\\.hadoop\\.fs\\.azure\\.account\\.key\\..+",
      "spark\\.hadoop\\.fs\\.azure\\.account\\.(auth\\.type|oauth\\.provider\\.type)\\..+",
      "spark\\.hadoop\\.fs\\.azure\\.sas\\..+",
      ENV + "(AZURE_CLIENT_SECRET|AZURE_CLIENT_CERTIFICATE_PATH)");
  private static final List<Pattern> GCP = patterns(
      "spark\\.hadoop\\.(google\\.cloud|fs\\.gs)\\.auth\\.service\\.account\\.(json\\.)?keyfile",
      ENV + "GOOGLE_APPLICATION_CREDENTIALS");

  private DefeatingSettings() {}

  /** The keys in {@code conf} that would let {@code identity}'s job use another credential. */
  static List<String> in(Conf conf, Identity identity) {
    var patterns = switch (identity.cloud()) {
      case AWS -> AWS;
      case AZURE -> AZURE;
      case GCP -> GCP;
      case NONE -> List.<Pattern>of();
    };
    return conf.asMap().keySet().stream().filter(key -> patterns.stream().anyMatch(p -> p.matcher(key).matches()))
        .sorted().toList();
  }

  private static List<Pattern> patterns(String... regexes) {
    return Arrays.stream(regexes).map(Pattern::compile).toList();
  }
}
