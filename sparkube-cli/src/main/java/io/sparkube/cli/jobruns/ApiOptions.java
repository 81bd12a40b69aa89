package io.sparkube.cli.jobruns;

import io.sparkube.local.cluster.ClusterHome;
import io.sparkube.model.error.Failure;
import io.sparkube.model.error.SparkubeException;
import io.sparkube.submit.SubmitEnvironment;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Which job-runs API and virtual cluster a jobs command talks to; by default the local cluster's. */
final class ApiOptions {
  @Option(names = "--endpoint", paramLabel = "URL",
      description = "the job-runs API; default: the local cluster's (sparkube local up)")
  String endpoint;

  @Option(names = "--token-file", paramLabel = "FILE",
      description = "file holding the API's bearer token; default: the local cluster's, for its endpoint")
  Path tokenFile;

  @Option(names = "--virtual-cluster", paramLabel = "ID", defaultValue = "local",
      description = "virtual cluster id; default: ${DEFAULT-VALUE}")
  String virtualCluster;

  @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "text",
      description = "text, or json: the API's answer as is")
  Output output;

  ApiTarget target(SubmitEnvironment environment) {
    var home = ClusterHome.of(environment.variables());
    var published = published(home);
    var uri = endpoint != null ? parse(endpoint, "--endpoint " + endpoint)
        : published.orElseThrow(() -> new SparkubeException(Failure.API_UNREACHABLE, "no job-runs API to talk to:"
            + " the local cluster is not running; start it with sparkube local up, or pass --endpoint URL"));
    var local = published.filter(uri::equals).isPresent();
    Optional<String> token = tokenFile != null ? Optional.of(readToken(tokenFile))
        : local ? Optional.of(readToken(home.jobRunsTokenFile())) : Optional.empty();
    return new ApiTarget(uri, token, local);
  }

  /** The URI the local cluster writes once its API serves, and removes when it stops. */
  private static Optional<URI> published(ClusterHome home) {
    try {
      var file = home.jobRunsUriFile();
      return Optional.of(parse(Files.readString(file).strip(), "the URI in " + file));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new SparkubeException(Failure.INVALID_CONFIG, "cannot read the local cluster's job-runs URI in "
          + home.jobRunsUriFile() + " (" + e.getMessage() + "); pass --endpoint URL");
    }
  }

  /** Without a trailing slash, so paths append as they are and the local URI compares equal. */
  private static URI parse(String value, String what) {
    var trimmed = value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
    try {
      var uri = new URI(trimmed);
      if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
        return uri;
      }
    } catch (URISyntaxException e) {
      // Said below, with an example of what is expected.
    }
    throw new SparkubeException(Failure.INVALID_CONFIG, what + " is not an http:// or https:// URL; e.g."
        + " --endpoint http://127.0.0.1:8443");
  }

  private static String readToken(Path file) {
    try {
      var token = Files.readString(file).strip();
      if (!token.isEmpty()) {
        return token;
      }
    } catch (IOException e) {
      throw new SparkubeException(Failure.INVALID_CONFIG, "cannot read the token file " + file + " ("
          + e.getMessage() + "); point --token-file at the file holding the job-runs API's bearer token");
    }
    throw new SparkubeException(Failure.INVALID_CONFIG, "the token file " + file + " is empty; point --token-file"
        + " at the file holding the job-runs API's bearer token");
  }
}
