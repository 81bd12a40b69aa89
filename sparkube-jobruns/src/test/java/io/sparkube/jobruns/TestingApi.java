package io.sparkube.jobruns;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.sparkube.jobruns.config.JobRunsSettings;
import io.sparkube.jobruns.http.JobRunsServer;
import io.sparkube.model.config.Conf;
import io.sparkube.resources.Crds;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * A real job-runs API on 127.0.0.1 and an ephemeral port, over the CRUD mock API server a test
 * injects (with the CRDs installed first: the mock learns scope and the status subresource from
 * them). Callers are admitted by a bearer token or by one access key.
 */
public final class TestingApi implements AutoCloseable {
  public static final String TOKEN = "test-bearer-token-0123456789";
  public static final String PRINCIPAL = "arn:aws:iam::123456789012:user/token-caller";
  public static final String ACCESS_KEY = "AKIATESTSPARKUBE0001";
  public static final String SECRET_KEY = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
  public static final String ACCESS_KEY_ARN = "arn:aws:iam::123456789012:user/alice";
  public static final String ACCOUNT = "123456789012";

  public final KubernetesClient client;
  public final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  /** Writes status where the operator would. */
  public final TestingOperator operator;
  private final Map<String, String> settings = new HashMap<>();
  private final Clock clock;
  private JobRunsServer server;

  public TestingApi(KubernetesClient client, Path dir) {
    this(client, dir, Map.of(), Clock.systemUTC());
  }

  public TestingApi(KubernetesClient client, Path dir, Map<String, String> extra, Clock clock) {
    this.client = client;
    this.clock = clock;
    this.operator = new TestingOperator(client);
    try {
      var token = Files.writeString(dir.resolve("token"), TOKEN + "\n");
      var keys = Files.writeString(dir.resolve("access-keys"), "# test keys\n" + ACCESS_KEY + "=" + SECRET_KEY + " "
          + ACCESS_KEY_ARN + "\n");
      settings.put("sparkube.jobruns.port", "0");
      settings.put("sparkube.jobruns.tokenFile", token.toString());
      settings.put("sparkube.jobruns.accessKeysFile", keys.toString());
      settings.put("sparkube.jobruns.principal", PRINCIPAL);
      settings.put("sparkube.jobruns.accountId", ACCOUNT);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    settings.putAll(extra);
    Crds.all().forEach(crd -> client.apiextensions().v1().customResourceDefinitions().resource(crd)
        .createOr(NonDeletingOperation::update));
  }

  public TestingApi start() {
    server = JobRunsServer.start(JobRunsSettings.read(Conf.of(settings)), client, registry, clock);
    return this;
  }

  public int port() {
    return server.port();
  }

  public String url() {
    return "http://127.0.0.1:" + port();
  }

  /** A client that sends the bearer token. */
  public ApiClient api() {
    return new ApiClient(url(), "Bearer " + TOKEN);
  }

  /** A client that sends {@code authorization} as it is, or none when null. */
  public ApiClient api(String authorization) {
    return new ApiClient(url(), authorization);
  }

  @Override
  public void close() {
    if (server != null) {
      server.close();
    }
  }
}
