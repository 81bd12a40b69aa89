package io.sparkube.staging.client;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import javax.net.ssl.HttpsURLConnection;

/**
 * Sends a file as a request body through the JDK's HttpURLConnection, whose blocking stream writes
 * straight to the socket. The JDK's HttpClient, used for every other call, hands a body through its
 * reactive pipeline and cost three times the CPU for it: 0.9 CPU-s per GiB against 0.3 on the
 * benchmark machine, a third of a loopback upload's whole budget. Connections are kept alive and
 * reused as the JDK does for this client; TLS trusts what the given HttpClient trusts.
 */
final class StreamedBody {
  private static final int BUFFER_BYTES = 256 << 10;

  /** The server's answer: status and body (an error body too). */
  record Answer(int status, String body) {}

  private StreamedBody() {}

  /**
   * @throws IOException when the server cannot be reached or the connection breaks before an
   *     answer; a server that answers early (refusing the body) is answered, not thrown
   */
  static Answer send(HttpClient settings, String method, URI uri, String token, Path file, long size,
      UploadProgress progress) throws IOException {
    var connection = (HttpURLConnection) uri.toURL().openConnection();
    if (connection instanceof HttpsURLConnection https) {
      https.setSSLSocketFactory(settings.sslContext().getSocketFactory());
    }
    connection.setConnectTimeout((int) settings.connectTimeout().map(Duration::toMillis).orElse(0L).longValue());
    connection.setUseCaches(false);
    connection.setDoOutput(true);
    connection.setRequestMethod(method);
    connection.setFixedLengthStreamingMode(size);
    connection.setRequestProperty("Authorization", "Bearer " + token);
    connection.setRequestProperty("Content-Type", "application/octet-stream");
    try {
      write(connection, file, size, progress);
    } catch (IOException e) {
      // The server may have refused the body part way (too large, store full) and closed: its answer explains.
      try {
        return answer(connection);
      } catch (IOException unanswered) {
        e.addSuppressed(unanswered);
        throw e;
      }
    }
    return answer(connection);
  }

  private static void write(HttpURLConnection connection, Path file, long size, UploadProgress progress)
      throws IOException {
    try (var out = connection.getOutputStream(); InputStream in = new FileInputStream(file.toFile())) {
      var buffer = new byte[BUFFER_BYTES];
      long sent = 0;
      while (sent < size) {
        int n = in.read(buffer, 0, (int) Math.min(buffer.length, size - sent));
        if (n < 0) {
          throw new IOException(file + " ended " + (size - sent) + " bytes before the size it had when the upload"
              + " began");
        }
        out.write(buffer, 0, n);
        sent += n;
        progress.update(sent, size);
      }
    }
  }

  private static Answer answer(HttpURLConnection connection) throws IOException {
    int status = connection.getResponseCode();
    var stream = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
    if (stream == null) {
      return new Answer(status, "");
    }
    try (stream) {
      return new Answer(status, new String(stream.readAllBytes(), StandardCharsets.UTF_8));
    }
  }
}
