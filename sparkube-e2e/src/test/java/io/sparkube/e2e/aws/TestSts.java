package io.sparkube.e2e.aws;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;

/**
 * A test stand-in for AWS STS's query API on 127.0.0.1 and an ephemeral port, answering
 * AssumeRoleWithWebIdentity as {@link WebIdentityRoles} decides, in STS's own XML.
 */
public final class TestSts implements AutoCloseable {
  private static final String NAMESPACE = "https://sts.amazonaws.com/doc/2011-06-15/";

  private final WebIdentityRoles roles;
  private final HttpServer server;

  private TestSts(WebIdentityRoles roles, HttpServer server) {
    this.roles = roles;
    this.server = server;
  }

  public static TestSts start(WebIdentityRoles roles) throws IOException {
    var server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    var sts = new TestSts(roles, server);
    server.createContext("/", sts::handle);
    // Driver and executors ask at once; the default runs every exchange on the one dispatcher thread.
    server.setExecutor(Executors.newCachedThreadPool(daemon()));
    server.start();
    return sts;
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  public WebIdentityRoles roles() {
    return roles;
  }

  private static ThreadFactory daemon() {
    return task -> {
      var thread = new Thread(task, "test-sts");
      thread.setDaemon(true);
      return thread;
    };
  }

  private void handle(HttpExchange exchange) throws IOException {
    try {
      answer(exchange);
    } catch (IOException | RuntimeException e) {
      // The JDK server drops the connection of a handler that throws: say why before it does.
      System.err.println("test STS: cannot answer " + exchange.getRequestURI() + ": " + e);
      e.printStackTrace();
      throw e;
    }
  }

  private void answer(HttpExchange exchange) throws IOException {
    try (exchange) {
      var requestId = UUID.randomUUID().toString();
      var params = parameters(exchange);
      int status;
      String body;
      if (!"AssumeRoleWithWebIdentity".equals(params.get("Action"))) {
        status = 400;
        body = error(new WebIdentityRoles.Refused(400, "InvalidAction",
            "Could not find operation " + params.get("Action") + " for version " + params.get("Version")), requestId);
      } else if (params.get("RoleArn") == null || params.get("WebIdentityToken") == null
          || params.get("RoleSessionName") == null) {
        status = 400;
        body = error(new WebIdentityRoles.Refused(400, "MissingParameter",
            "RoleArn, RoleSessionName and WebIdentityToken are required"), requestId);
      } else {
        var outcome = roles.assume(params.get("RoleArn"), params.get("RoleSessionName"), params.get("WebIdentityToken"));
        if (outcome instanceof WebIdentityRoles.Refused refused) {
          status = refused.status();
          body = error(refused, requestId);
        } else {
          status = 200;
          body = response((WebIdentityRoles.Granted) outcome, requestId);
        }
      }
      var bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "text/xml");
      exchange.getResponseHeaders().set("x-amzn-RequestId", requestId);
      exchange.sendResponseHeaders(status, bytes.length);
      exchange.getResponseBody().write(bytes);
    }
  }

  /** The query protocol's parameters: the form body of a POST, else the query string. */
  private static Map<String, String> parameters(HttpExchange exchange) throws IOException {
    var raw = "POST".equals(exchange.getRequestMethod())
        ? new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)
        : exchange.getRequestURI().getRawQuery();
    var params = new LinkedHashMap<String, String>();
    if (raw != null && !raw.isEmpty()) {
      for (var pair : raw.split("&")) {
        var eq = pair.indexOf('=');
        var name = eq < 0 ? pair : pair.substring(0, eq);
        var value = eq < 0 ? "" : pair.substring(eq + 1);
        params.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
      }
    }
    return params;
  }

  private static String response(WebIdentityRoles.Granted granted, String requestId) {
    return "<AssumeRoleWithWebIdentityResponse xmlns=\"" + NAMESPACE + "\">\n"
        + "  <AssumeRoleWithWebIdentityResult>\n"
        + "    <SubjectFromWebIdentityToken>" + xml(granted.subject()) + "</SubjectFromWebIdentityToken>\n"
        + "    <Audience>" + xml(granted.audience()) + "</Audience>\n"
        + "    <AssumedRoleUser>\n"
        + "      <Arn>" + xml(granted.assumedRoleArn()) + "</Arn>\n"
        + "      <AssumedRoleId>AROASPARKUBETEST:" + xml(granted.sessionName()) + "</AssumedRoleId>\n"
        + "    </AssumedRoleUser>\n"
        + "    <Credentials>\n"
        + "      <AccessKeyId>" + xml(granted.accessKeyId()) + "</AccessKeyId>\n"
        + "      <SecretAccessKey>" + xml(granted.secretAccessKey()) + "</SecretAccessKey>\n"
        + "      <SessionToken>" + xml(granted.sessionToken()) + "</SessionToken>\n"
        + "      <Expiration>" + DateTimeFormatter.ISO_INSTANT.format(granted.expiration()) + "</Expiration>\n"
        + "    </Credentials>\n"
        + "    <Provider>" + xml(granted.provider()) + "</Provider>\n"
        + "  </AssumeRoleWithWebIdentityResult>\n"
        + "  <ResponseMetadata>\n"
        + "    <RequestId>" + requestId + "</RequestId>\n"
        + "  </ResponseMetadata>\n"
        + "</AssumeRoleWithWebIdentityResponse>\n";
  }

  private static String error(WebIdentityRoles.Refused refused, String requestId) {
    return "<ErrorResponse xmlns=\"" + NAMESPACE + "\">\n"
        + "  <Error>\n"
        + "    <Type>" + (refused.status() >= 500 ? "Receiver" : "Sender") + "</Type>\n"
        + "    <Code>" + xml(refused.code()) + "</Code>\n"
        + "    <Message>" + xml(refused.message()) + "</Message>\n"
        + "  </Error>\n"
        + "  <RequestId>" + requestId + "</RequestId>\n"
        + "</ErrorResponse>\n";
  }

  private static String xml(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
        .replace("'", "&apos;");
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
