package io.sparkube.bench.staging;

import java.io.FileInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The upload half of the loopback limit: a plain socket on 127.0.0.1 that writes what it receives
 * to a file and fsyncs it before it acknowledges, as the server must before it answers, but with no
 * HTTP, no hashing and no hand-off between threads. It reads into a 64 KiB direct buffer
 * ({@link Copy#BUFFER_BYTES}); the server reads up to 1 MiB at a time (receiveBufferBytes).
 */
final class LoopbackReceiver implements AutoCloseable {
  private static final int ACK = 1;

  private final ServerSocketChannel listener;
  private final ExecutorService receiving = Executors.newSingleThreadExecutor(DaemonThreads.named("loopback-receiver"));

  private LoopbackReceiver(ServerSocketChannel listener) {
    this.listener = listener;
  }

  static LoopbackReceiver open() throws IOException {
    return new LoopbackReceiver(ServerSocketChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(),
        0)));
  }

  /** Sends {@code source} with the benchmark's stream copy; timed from connecting to the acknowledgement. */
  Transfer upload(Path source, Path target) throws Exception {
    var received = receiving.submit(() -> receive(target));
    var watch = Stopwatch.start();
    long sent;
    try (var socket = new Socket(InetAddress.getLoopbackAddress(), listener.socket().getLocalPort());
        var in = new FileInputStream(source.toFile())) {
      sent = Copy.stream(in, socket.getOutputStream());
      socket.shutdownOutput();
      if (socket.getInputStream().read() != ACK) {
        throw new IOException("the loopback receiver did not acknowledge; see its failure below");
      }
    } catch (IOException e) {
      received.get(1, TimeUnit.MINUTES);
      throw e;
    }
    var transfer = watch.stop(sent);
    long stored = received.get(1, TimeUnit.MINUTES);
    if (stored != sent) {
      throw new IllegalStateException("the loopback receiver stored " + stored + " of " + sent + " bytes");
    }
    return transfer;
  }

  private long receive(Path target) throws IOException {
    try (var connection = listener.accept();
        var file = FileChannel.open(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      var buffer = ByteBuffer.allocateDirect(Copy.BUFFER_BYTES);
      long total = 0;
      while (connection.read(buffer) >= 0) {
        buffer.flip();
        while (buffer.hasRemaining()) {
          total += file.write(buffer);
        }
        buffer.clear();
      }
      file.force(true);
      connection.write(ByteBuffer.wrap(new byte[] {ACK}));
      return total;
    }
  }

  @Override
  public void close() throws IOException {
    listener.close();
    receiving.shutdownNow();
  }
}
