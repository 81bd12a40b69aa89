package io.sparkube.bench.staging;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLSocketFactory;

/**
 * A GET of a signed download URL through HttpURLConnection, the client Spark's own fetch of an
 * http(s) dependency uses in a pod, read with the same loop as the baseline.
 */
record HttpGet(URI url, SSLSocketFactory tls) implements Download {
  /** Long enough for a fair share of 200 streams; a stall past it is counted as a failure, not waited out. */
  private static final int TIMEOUT_MS = 120_000;

  @Override
  public InputStream open() throws IOException {
    var connection = (HttpURLConnection) url.toURL().openConnection();
    if (connection instanceof HttpsURLConnection https) {
      https.setSSLSocketFactory(tls);
    }
    connection.setConnectTimeout(TIMEOUT_MS);
    connection.setReadTimeout(TIMEOUT_MS);
    int status = connection.getResponseCode();
    if (status != 200) {
      connection.disconnect();
      throw new IOException("HTTP " + status + " for " + url.getPath());
    }
    return connection.getInputStream();
  }
}
