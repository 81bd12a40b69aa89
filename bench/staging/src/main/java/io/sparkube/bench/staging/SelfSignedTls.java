package io.sparkube.bench.staging;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A throw-away certificate for 127.0.0.1, made by the JDK's keytool, as the server's PKCS12
 * keystore and as the only certificate the benchmark's clients trust.
 */
record SelfSignedTls(Path keyStore, Path passwordFile, SSLContext clientContext) {
  private static final String ALIAS = "bench-staging";

  static SelfSignedTls create(Path dir) throws IOException, InterruptedException, GeneralSecurityException {
    var keyStore = dir.resolve("staging.p12");
    // A throw-away password for a throw-away key in the run's temp directory; it guards nothing beyond this run.
    var password = Long.toHexString(Double.doubleToLongBits(Math.random())) + "-bench";
    var keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
    var process = new ProcessBuilder(keytool, "-genkeypair", "-alias", ALIAS, "-keyalg", "EC", "-groupname",
        "secp256r1", "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-validity", "1", "-storetype", "PKCS12",
        "-keystore", keyStore.toString(), "-storepass", password, "-keypass", password)
        .redirectErrorStream(true).start();
    var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(1, TimeUnit.MINUTES) || process.exitValue() != 0) {
      throw new IllegalStateException("keytool could not make a certificate: " + output);
    }
    var passwordFile = Files.writeString(dir.resolve("staging.p12.password"), password + "\n");
    return new SelfSignedTls(keyStore, passwordFile, trusting(keyStore, password));
  }

  Map<String, String> serverSettings() {
    return Map.of("sparkube.staging.tls.keyStore", keyStore.toString(),
        "sparkube.staging.tls.keyStorePasswordFile", passwordFile.toString());
  }

  private static SSLContext trusting(Path keyStore, String password) throws IOException, GeneralSecurityException {
    var generated = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keyStore)) {
      generated.load(in, password.toCharArray());
    }
    var trusted = KeyStore.getInstance("PKCS12");
    trusted.load(null, null);
    trusted.setCertificateEntry(ALIAS, generated.getCertificate(ALIAS));
    var factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(trusted);
    var context = SSLContext.getInstance("TLS");
    context.init(null, factory.getTrustManagers(), null);
    return context;
  }
}
