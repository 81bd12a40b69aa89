package io.sparkube.examples;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;

/**
 * What one role of a job (the driver, or an executor) found: the subject of its web identity token
 * and the outcome of reading an object with it. Its line reads
 * {@code identity-probe <role> sub=<subject>|token=none read <n> bytes sha256=<hex>} or
 * {@code ... FAILED: <exception>: <message> [<- <root cause>: <message>]}.
 */
public record ProbeReport(String role, String identity, String outcome, boolean failed) implements Serializable {
  /** Where IRSA (and Sparkube on other clusters) tells the AWS SDK to find the projected token. */
  static final String TOKEN_FILE_ENV = "AWS_WEB_IDENTITY_TOKEN_FILE";
  private static final Pattern SUB = Pattern.compile("\"sub\"\\s*:\\s*\"([^\"]*)\"");

  public String line() {
    return "identity-probe " + role + " " + identity + " " + outcome;
  }

  /** Reads {@code uri} in this JVM with {@code conf}, as the role named {@code role}. */
  static ProbeReport probe(String role, String uri, Configuration conf) {
    var identity = identity(System.getenv(TOKEN_FILE_ENV));
    try {
      var digest = MessageDigest.getInstance("SHA-256");
      long length = 0;
      // A new instance, not the cached one: each probe authenticates afresh.
      try (FileSystem fs = FileSystem.newInstance(URI.create(uri), conf);
          InputStream in = fs.open(new org.apache.hadoop.fs.Path(uri))) {
        var buffer = new byte[8192];
        for (int n; (n = in.read(buffer)) != -1; length += n) {
          digest.update(buffer, 0, n);
        }
      }
      return new ProbeReport(role, identity,
          "read " + length + " bytes sha256=" + HexFormat.of().formatHex(digest.digest()), false);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    } catch (Exception | LinkageError e) {
      return new ProbeReport(role, identity, "FAILED: " + describe(e), true);
    }
  }

  /** {@code sub=<subject>} of the token in {@code tokenFile}, never the token itself; {@code token=none} without one. */
  static String identity(String tokenFile) {
    if (tokenFile == null || tokenFile.isEmpty()) {
      return "token=none";
    }
    try {
      return "sub=" + subject(Files.readString(Path.of(tokenFile)).trim());
    } catch (IOException | UncheckedIOException e) {
      return "token=unreadable(" + tokenFile + ": " + describe(e) + ")";
    }
  }

  /** The {@code sub} claim of a JWT, read from its payload without checking the signature. */
  static String subject(String jwt) {
    var parts = jwt.split("\\.");
    if (parts.length != 3) {
      return "?(not a JWT)";
    }
    try {
      var payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
      var sub = SUB.matcher(payload);
      return sub.find() ? sub.group(1) : "?(no sub claim)";
    } catch (IllegalArgumentException e) {
      return "?(payload is not base64url)";
    }
  }

  /**
   * The failure's class and first message line, then its root cause's class and first message
   * line, the message left out when the failure's already quotes it (S3A's usually does).
   */
  static String describe(Throwable failure) {
    var root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    var text = failure.getClass().getName() + ": " + firstLine(failure);
    if (root == failure) {
      return text;
    }
    var rootMessage = firstLine(root);
    return text + " <- " + root.getClass().getName() + (text.contains(rootMessage) ? "" : ": " + rootMessage)
        + errorCode(root);
  }

  private static String firstLine(Throwable t) {
    return t.getMessage() == null ? "" : t.getMessage().lines().findFirst().orElse("");
  }

  /** An AWS service error's code (AccessDenied, InvalidIdentityToken, ...), which its message leaves out. */
  private static String errorCode(Throwable t) {
    try {
      var details = t.getClass().getMethod("awsErrorDetails").invoke(t);
      var code = details == null ? null : details.getClass().getMethod("errorCode").invoke(details);
      return code == null ? "" : " [" + code + "]";
    } catch (ReflectiveOperationException | RuntimeException e) {
      return "";
    }
  }
}
