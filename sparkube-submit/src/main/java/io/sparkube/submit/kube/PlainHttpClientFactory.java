package io.sparkube.submit.kube;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;
import io.fabric8.kubernetes.client.utils.HttpClientUtils;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * The HTTP client for a plain {@code http://} API server (kubectl proxy, the local cluster's
 * insecure port). It never speaks TLS, so it skips loading the JDK's trust store, which costs a
 * tenth of a submission; its TLS context trusts nothing, so a redirect to https fails rather than
 * trusting anything.
 */
final class PlainHttpClientFactory extends JdkHttpClientFactory {

  static boolean suits(Config config) {
    var master = config.getMasterUrl();
    return master != null && master.regionMatches(true, 0, "http:", 0, 5);
  }

  @Override
  public HttpClient.Builder newBuilder(Config config) {
    HttpClient.Builder builder = newBuilder();
    // trustCerts makes fabric8 build its trust managers without reading the trust store; the
    // context is replaced right after with one that trusts nothing.
    HttpClientUtils.applyCommonConfiguration(new ConfigBuilder(config).withTrustCerts(true).build(), builder, this);
    builder.sslContext(null, new TrustManager[] {new TrustingNothing()});
    return builder;
  }

  private static final class TrustingNothing implements X509TrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
      throw new CertificateException("a plain http API server never needs TLS");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
      throw new CertificateException("a plain http API server never needs TLS");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
