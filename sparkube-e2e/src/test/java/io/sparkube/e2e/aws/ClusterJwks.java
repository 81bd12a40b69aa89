package io.sparkube.e2e.aws;

import com.nimbusds.jose.jwk.JWKSet;
import io.fabric8.kubernetes.client.Config;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.text.ParseException;
import java.util.Base64;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A cluster's ServiceAccount token keys, fetched as an OIDC relying party does: the JWKS at
 * {@code /openid/v1/jwks} on its API server, over HTTPS trusting the kubeconfig's cluster CA only.
 */
public final class ClusterJwks {
  private static final String JWKS_PATH = "/openid/v1/jwks";

  private ClusterJwks() {}

  public static JWKSet fetch(Path kubeconfig) throws IOException, InterruptedException {
    var config = Config.fromKubeconfig(null, kubeconfig.toFile());
    var uri = URI.create(config.getMasterUrl().replaceAll("/+$", "") + JWKS_PATH);
    var http = HttpClient.newBuilder().sslContext(trusting(caPem(config))).build();
    var response = http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("GET " + uri + ": HTTP " + response.statusCode() + " " + response.body());
    }
    try {
      return JWKSet.parse(response.body());
    } catch (ParseException e) {
      throw new IllegalStateException("GET " + uri + " is not a JWKS: " + response.body(), e);
    }
  }

  private static byte[] caPem(Config config) throws IOException {
    if (config.getCaCertData() != null) {
      return Base64.getDecoder().decode(config.getCaCertData());
    }
    if (config.getCaCertFile() != null) {
      return Files.readAllBytes(Path.of(config.getCaCertFile()));
    }
    throw new IllegalStateException("the kubeconfig names no cluster CA");
  }

  private static SSLContext trusting(byte[] caPem) {
    try {
      var trust = KeyStore.getInstance(KeyStore.getDefaultType());
      trust.load(null, null);
      int i = 0;
      for (var cert : CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(caPem))) {
        trust.setCertificateEntry("ca-" + i++, cert);
      }
      var factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(trust);
      var context = SSLContext.getInstance("TLS");
      context.init(null, factory.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot load the cluster CA: " + new String(caPem, StandardCharsets.US_ASCII), e);
    }
  }
}
