package io.sparkube.jobruns.config;

import io.sparkube.model.config.ConfigKey;
import io.sparkube.model.config.ValueType;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The job-runs API's settings, declared once. Secrets are never values here: the bearer token and
 * the access keys live in the files these settings name.
 */
public final class JobRunsKeys {
  private JobRunsKeys() {}

  public static final String PREFIX = "sparkube.jobruns.";
  private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
  private static final Pattern REGION = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)+");

  public static final ConfigKey<String> HOST = ConfigKey.of(PREFIX + "host", ValueType.STRING)
      .doc("Address the API binds.").since("sparkube 0.1")
      .check(h -> !h.isBlank(), "give an address such as 127.0.0.1 or 0.0.0.0").defaultTo("127.0.0.1");

  public static final ConfigKey<Integer> PORT = ConfigKey.of(PREFIX + "port", ValueType.INT)
      .doc("Port the API binds, with or without TLS; 0 picks a free one.").since("sparkube 0.1")
      .check(p -> p >= 0 && p <= 65535, "use a port between 0 and 65535").defaultTo(8443);

  public static final ConfigKey<String> TOKEN_FILE = ConfigKey.of(PREFIX + "tokenFile", ValueType.STRING)
      .doc("File holding a bearer token callers may send as 'Authorization: Bearer <token>'.")
      .since("sparkube 0.1").optional();

  public static final ConfigKey<String> ACCESS_KEYS_FILE = ConfigKey.of(PREFIX + "accessKeysFile", ValueType.STRING)
      .doc("File of AWS access keys whose SigV4 signatures the API accepts, one '<accessKeyId>=<secretKey>"
          + " [<arn>]' a line; the ARN becomes createdBy.").since("sparkube 0.1").optional();

  public static final ConfigKey<String> ACCOUNT_ID = ConfigKey.of(PREFIX + "accountId", ValueType.STRING)
      .doc("AWS account id written into ARNs.").since("sparkube 0.1")
      .check(a -> ACCOUNT.matcher(a).matches(), "use 12 digits, e.g. 123456789012").defaultTo("000000000000");

  public static final ConfigKey<String> REGION_NAME = ConfigKey.of(PREFIX + "region", ValueType.STRING)
      .doc("Region written into ARNs; callers may sign for any region.").since("sparkube 0.1")
      .check(r -> REGION.matcher(r).matches(), "use a region name such as us-east-1").defaultTo("us-east-1");

  public static final ConfigKey<String> PRINCIPAL = ConfigKey.of(PREFIX + "principal", ValueType.STRING)
      .doc("createdBy of job runs started with the bearer token; by default an IAM user ARN in accountId.")
      .since("sparkube 0.1").check(p -> !p.isBlank() && p.length() <= 2048, "give a non-blank name or ARN")
      .defaultFrom(conf -> "arn:aws:iam::" + conf.get(ACCOUNT_ID) + ":user/sparkube-token");

  public static final ConfigKey<Long> MAX_REQUEST_BYTES = ConfigKey.of(PREFIX + "maxRequestBytes", ValueType.BYTES)
      .doc("Largest request body; larger ones get 413.").since("sparkube 0.1")
      .check(v -> v > 0 && v <= Integer.MAX_VALUE, "give a positive size below 2g, e.g. 1m").defaultTo(1L << 20);

  public static final ConfigKey<String> TLS_CERT_FILE = ConfigKey.of(PREFIX + "tls.certFile", ValueType.STRING)
      .doc("PEM certificate chain served over TLS, with tls.keyFile; unset serves plain http.")
      .since("sparkube 0.1").optional();

  public static final ConfigKey<String> TLS_KEY_FILE = ConfigKey.of(PREFIX + "tls.keyFile", ValueType.STRING)
      .doc("PEM private key of tls.certFile.").since("sparkube 0.1").optional();

  public static final List<ConfigKey<?>> ALL = List.of(HOST, PORT, TOKEN_FILE, ACCESS_KEYS_FILE, ACCOUNT_ID,
      REGION_NAME, PRINCIPAL, MAX_REQUEST_BYTES, TLS_CERT_FILE, TLS_KEY_FILE);
}
