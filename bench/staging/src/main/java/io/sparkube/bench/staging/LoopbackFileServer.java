package io.sparkube.bench.staging;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.FileChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The download half of the loopback limit: a plain socket on 127.0.0.1 that sends one file to
 * every connection with FileChannel.transferTo, the same zero-copy sendfile(2) the staging
 * server's sendFile makes on plain http, one thread per connection, and no HTTP.
 */
final class LoopbackFileServer implements AutoCloseable {
  /** Room for a whole fan-out connecting at once; Java's default of 50 would drop SYNs and add seconds. */
  private static final int BACKLOG = 1024;
  private static final int READ_TIMEOUT_MS = 120_000;

  private final ServerSocketChannel listener;
  private final Path file;
  private final ExecutorService senders = Executors.newCachedThreadPool(DaemonThreads.named("loopback-sender"));

  private LoopbackFileServer(ServerSocketChannel listener, Path file) {
    this.listener = listener;
    this.file = file;
  }

  static LoopbackFileServer serve(Path file) throws IOException {
    var server = new LoopbackFileServer(ServerSocketChannel.open()
        .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), BACKLOG), file);
    DaemonThreads.named("loopback-acceptor").newThread(server::acceptAll).start();
    return server;
  }

  /** A download of the file, read with the benchmark's stream copy as the HTTP downloads are. */
  Download download() {
    return () -> {
      var socket = new Socket(InetAddress.getLoopbackAddress(), listener.socket().getLocalPort());
      socket.setSoTimeout(READ_TIMEOUT_MS);
      return socket.getInputStream();
    };
  }

  private void acceptAll() {
    while (listener.isOpen()) {
      try {
        var connection = listener.accept();
        senders.execute(() -> send(connection));
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void send(SocketChannel connection) {
    try (connection; var source = FileChannel.open(file)) {
      long size = source.size();
      for (long position = 0; position < size; ) {
        position += source.transferTo(position, size - position, connection);
      }
    } catch (IOException e) {
      // The client sees a short download and counts it as failed.
    }
  }

  @Override
  public void close() throws IOException {
    listener.close();
    senders.shutdownNow();
  }
}
