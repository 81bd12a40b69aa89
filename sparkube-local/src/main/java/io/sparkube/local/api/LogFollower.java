package io.sparkube.local.api;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Streams a growing log file to one client until the container has exited and every byte is
 * sent. It checks the file every {@value #POLL_MILLIS} ms: a stat and a read of new bytes cost
 * less than an inotify watch per follower, and the node gives us no other signal.
 */
final class LogFollower {
  static final long POLL_MILLIS = 100;

  private final Vertx vertx;
  private final Path log;
  private final Path exit;
  private final HttpServerResponse response;
  private final ByteBuffer chunk = ByteBuffer.allocate(64 * 1024);
  private long position;
  private FileChannel channel;
  private long timer = -1;
  private boolean done;

  LogFollower(Vertx vertx, Path log, Path exit, long start, HttpServerResponse response) {
    this.vertx = vertx;
    this.log = log;
    this.exit = exit;
    this.position = start;
    this.response = response;
  }

  void start() throws IOException {
    channel = FileChannel.open(log, StandardOpenOption.READ);
    response.setChunked(true).putHeader("Content-Type", "text/plain").write("");
    response.closeHandler(ignored -> stop());
    tick();
  }

  private void tick() {
    if (done) {
      return;
    }
    try {
      // Read the exit file first: once it exists, everything the container wrote is in the log.
      boolean exited = Files.exists(exit);
      while (sendMore()) {
        // drain
      }
      if (exited) {
        stop();
        response.end();
        return;
      }
      timer = vertx.setTimer(POLL_MILLIS, id -> tick());
    } catch (IOException e) {
      stop();
      response.reset();
    }
  }

  private boolean sendMore() throws IOException {
    chunk.clear();
    int read = channel.read(chunk, position);
    if (read <= 0) {
      return false;
    }
    position += read;
    chunk.flip();
    var bytes = new byte[read];
    chunk.get(bytes);
    response.write(Buffer.buffer(bytes));
    return true;
  }

  private void stop() {
    if (done) {
      return;
    }
    done = true;
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
    try {
      channel.close();
    } catch (IOException ignored) {
      // closing a read-only file cannot lose data
    }
  }
}
