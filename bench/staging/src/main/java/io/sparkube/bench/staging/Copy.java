package io.sparkube.bench.staging;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The one stream copy of the benchmark: every download reads with it, the baseline's and the
 * server's alike, and the baseline's upload sends with it, so both sides use the same buffer size
 * and the difference left is what sits on the other end of the socket.
 */
final class Copy {
  /**
   * 64 KiB, Netty's largest adaptive read, which the staging server read with until it took
   * sparkube.staging.receiveBufferBytes (1 MiB) reads; the baseline kept it.
   */
  static final int BUFFER_BYTES = 64 * 1024;

  private Copy() {}

  static long stream(InputStream in, OutputStream out) throws IOException {
    var buffer = new byte[BUFFER_BYTES];
    long total = 0;
    int n;
    while ((n = in.read(buffer)) >= 0) {
      out.write(buffer, 0, n);
      total += n;
    }
    return total;
  }
}
