package io.sparkube.staging.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sparkube.staging.TestClock;
import io.sparkube.staging.TestData;
import io.sparkube.staging.error.Problem;
import io.sparkube.staging.error.StagingException;
import io.sparkube.staging.store.BlobStore;
import io.sparkube.staging.store.Sha256;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Back-pressure and failures between a request's event loop and the disk, with the disk held back at will. */
class BlobSinkTest {
  @TempDir
  Path dir;
  Vertx vertx;
  Context context;
  BlobStore store;
  final HeldExecutor io = new HeldExecutor();

  /** An executor that runs nothing until released: the disk, stalled. */
  static final class HeldExecutor implements Executor {
    final List<Runnable> held = new CopyOnWriteArrayList<>();

    @Override
    public void execute(Runnable task) {
      held.add(task);
    }

    void release() {
      while (!held.isEmpty()) {
        held.remove(0).run();
      }
    }
  }

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    context = vertx.getOrCreateContext();
    store = BlobStore.open(dir, 64L << 20, OptionalLong.empty(), new TestClock(Instant.EPOCH));
  }

  @AfterEach
  void stop() {
    vertx.close().toCompletionStage().toCompletableFuture().join();
  }

  private <T> T onContext(Supplier<T> action) {
    var result = new CompletableFuture<T>();
    context.runOnContext(v -> result.complete(action.get()));
    return result.join();
  }

  @Test
  void aStalledDiskPausesTheRequestUntilItCatchesUp() {
    // Two MiB past the high mark, which depends on this JVM's heap.
    int mebibytes = (int) (BlobSink.HIGH_WATER >> 20) + 2;
    var bytes = TestData.randomBytes(mebibytes << 20, 1);
    var sink = onContext(() -> new BlobSink(context, io, store.begin(Optional.of(new Sha256(TestData.sha256(bytes))),
        OptionalLong.empty())));
    var drained = new AtomicBoolean();

    var full = onContext(() -> {
      for (int i = 0; i < mebibytes; i++) {
        sink.write(Buffer.buffer(Arrays.copyOfRange(bytes, i << 20, (i + 1) << 20)));
      }
      sink.onDrain(() -> drained.set(true));
      return sink.full();
    });

    assertThat(full).isTrue();
    assertThat(drained).isFalse();
    io.release();
    await().atMost(Duration.ofSeconds(10)).untilTrue(drained);
    var outcome = onContext(sink::commit);
    io.release();
    assertThat(outcome.toCompletionStage().toCompletableFuture().join()).isEqualTo(BlobStore.Outcome.CREATED);
  }

  @Test
  void aFailedWriteIsReportedOnceAndNothingIsKept() throws Exception {
    // Chunks reach the disk a MiB at a time: the second makes a batch, which is over the limit.
    var small = BlobStore.open(dir.resolve("small"), 1L << 20, OptionalLong.empty(), new TestClock(Instant.EPOCH));
    var failures = new CopyOnWriteArrayList<Throwable>();
    var sink = onContext(() -> {
      var s = new BlobSink(context, io, small.begin(Optional.of(new Sha256("a".repeat(64))), OptionalLong.empty()));
      s.onFailure(failures::add);
      for (int i = 0; i < 3; i++) {
        s.write(Buffer.buffer(new byte[600 << 10]));
      }
      return s;
    });

    io.release();
    await().atMost(Duration.ofSeconds(10)).until(() -> !failures.isEmpty());
    assertThat(failures).singleElement().isInstanceOfSatisfying(StagingException.class,
        e -> assertThat(e.problem()).isEqualTo(Problem.TOO_LARGE));
    var failed = new AtomicReference<Throwable>();
    onContext(() -> sink.commit().onFailure(failed::set));
    io.release();
    await().atMost(Duration.ofSeconds(10)).until(() -> failed.get() != null);
    assertThat(Files.list(dir.resolve("small").resolve("tmp")).toList()).isEmpty();
    assertThat(small.usedBytes()).isZero();
  }
}
