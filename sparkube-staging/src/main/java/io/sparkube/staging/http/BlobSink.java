package io.sparkube.staging.http;

import io.sparkube.staging.store.BlobStore;
import io.sparkube.staging.store.BlobUpload;
import io.sparkube.staging.store.Sha256;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Feeds a request's body to a {@link BlobUpload} off the event loop: chunks are hashed on one I/O
 * lane and written on another, each in order, so hashing (the larger cost) and writing overlap; a
 * third lane forces the written bytes to disk in steps, so the writer never waits on the disk. The
 * event loop hears back only when it asked to (the lanes have drained) or when a write failed, so
 * streaming costs no per-chunk round trip. The public methods run on the request's event loop.
 */
final class BlobSink {
  /**
   * Above this many queued bytes the request is paused; below the low mark (half of it) it reads
   * again. The queued chunks are heap copies, so the mark is a 32nd of the heap, between 4 and
   * 16 MiB, per upload: 4 MiB in a 512 MiB container (128 MiB heap); 16 MiB on a larger machine,
   * where the deeper queue let the hashing and writing lanes ride out each other's stalls (the
   * benchmark's upload went from 92% to 98% of the loopback copy).
   */
  static final long HIGH_WATER = Math.max(4L << 20, Math.min(16L << 20, Runtime.getRuntime().maxMemory() / 32));
  private static final long LOW_WATER = HIGH_WATER / 2;
  /**
   * Chunks (up to 256 KiB each, StagingServer's maxChunkSize) are handed to the lanes this many
   * bytes at a time. With one task per 64 KiB chunk per lane, waking an idle lane thread 16 times
   * per MiB cost as much CPU as the writes; a batch is also written with one gathering write.
   */
  private static final long BATCH_BYTES = 1L << 20;

  private final Context context;
  private final SerialExecutor tasks;
  private final SerialExecutor hashing;
  private final SerialExecutor flushing;
  private final BlobUpload upload;
  private final AtomicLong submitted = new AtomicLong();
  private final AtomicLong completed = new AtomicLong();
  private final AtomicLong hashed = new AtomicLong();
  private final AtomicBoolean drainWanted = new AtomicBoolean();
  private volatile RuntimeException failure;
  private Runnable drain;
  private Consumer<Throwable> onFailure = e -> { };
  private boolean stopped;
  /** Chunks not yet handed to the lanes; the event loop's alone. */
  private final List<ByteBuffer> pending = new ArrayList<>();
  private long pendingBytes;
  /** Written bytes up to which a flush was asked for; the writing lane's alone. */
  private long flushAsked;

  BlobSink(Context context, Executor io, BlobUpload upload) {
    this.context = context;
    this.tasks = new SerialExecutor(io);
    this.hashing = new SerialExecutor(io);
    this.flushing = new SerialExecutor(io);
    this.upload = upload;
  }

  Sha256 sha() {
    return upload.sha();
  }

  void onFailure(Consumer<Throwable> handler) {
    this.onFailure = handler;
  }

  /** Queues a chunk; chunks go to the lanes in batches, see {@link #BATCH_BYTES}. */
  void write(Buffer chunk) {
    if (stopped || failure != null) {
      return;
    }
    var bytes = chunk.getByteBuf().nioBuffer();
    pending.add(bytes);
    pendingBytes += bytes.remaining();
    if (pendingBytes >= BATCH_BYTES) {
      dispatch();
    }
  }

  /** Hands the pending chunks to the hashing and writing lanes as one task each. */
  private void dispatch() {
    if (pending.isEmpty()) {
      return;
    }
    var batch = pending.toArray(ByteBuffer[]::new);
    var size = pendingBytes;
    pending.clear();
    pendingBytes = 0;
    submitted.addAndGet(size);
    var toHash = new ByteBuffer[batch.length];
    for (int i = 0; i < batch.length; i++) {
      toHash[i] = batch[i].duplicate();
    }
    hashing.execute(() -> {
      if (failure == null) {
        for (var bytes : toHash) {
          upload.hash(bytes);
        }
      }
      hashed.addAndGet(size);
      drainIfCaughtUp();
    });
    tasks.execute(() -> {
      if (failure == null) {
        try {
          upload.writeUnhashed(batch);
          askFlushIfDue();
        } catch (RuntimeException e) {
          failure = e;
          context.runOnContext(v -> reportFailure(e));
        }
      }
      completed.addAndGet(size);
      drainIfCaughtUp();
    });
  }

  private void askFlushIfDue() {
    var written = upload.written();
    if (written - flushAsked >= BlobUpload.FLUSH_STEP) {
      flushAsked = written;
      flushing.execute(upload::flushWritten);
    }
  }

  private void drainIfCaughtUp() {
    if (drainWanted.get() && backlog() <= LOW_WATER && drainWanted.compareAndSet(true, false)) {
      context.runOnContext(v -> runDrain());
    }
  }

  boolean full() {
    return backlog() + pendingBytes >= HIGH_WATER;
  }

  /** Runs {@code handler} once, when the queue has drained below the low mark. */
  void onDrain(Runnable handler) {
    drain = handler;
    drainWanted.set(true);
    // The I/O thread may have caught up before the flag was set; then nobody else would call.
    if (backlog() <= LOW_WATER && drainWanted.compareAndSet(true, false)) {
      runDrain();
    }
  }

  /** Commits after every queued chunk is written; the upload is closed whatever the outcome. */
  Future<BlobStore.Outcome> commit() {
    dispatch();
    stopped = true;
    Promise<BlobStore.Outcome> promise = Promise.promise();
    // The digest is complete only once the hashing lane has drained, and the file's channel is the
    // commit's alone once the flushing lane has; the commit runs after all three lanes.
    var hashingDone = new CompletableFuture<Void>();
    hashing.execute(() -> hashingDone.complete(null));
    var flushingDone = new CompletableFuture<Void>();
    tasks.execute(() -> flushing.execute(() -> flushingDone.complete(null)));
    tasks.execute(() -> CompletableFuture.allOf(hashingDone, flushingDone).thenRunAsync(() -> {
      BlobStore.Outcome outcome = null;
      RuntimeException error = failure;
      try {
        if (error == null) {
          outcome = upload.commit();
        }
      } catch (RuntimeException e) {
        error = e;
      } finally {
        upload.close();
      }
      // Answered only once the temp file is gone, so a client told of a failure finds nothing left.
      var committed = outcome;
      var failed = error;
      context.runOnContext(v -> {
        if (failed == null) {
          promise.complete(committed);
        } else {
          promise.fail(failed);
        }
      });
    }, tasks));
    return promise.future();
  }

  /**
   * Abandons the upload: its temp file is deleted once the chunks in flight are done; the future
   * completes then. Idempotent.
   */
  Future<Void> abort() {
    stopped = true;
    Promise<Void> closed = Promise.promise();
    tasks.execute(() -> {
      upload.close();
      context.runOnContext(v -> closed.complete());
    });
    return closed.future();
  }

  private long backlog() {
    // A chunk still queued on either lane is still held in memory.
    return submitted.get() - Math.min(completed.get(), hashed.get());
  }

  private void runDrain() {
    var handler = drain;
    drain = null;
    if (handler != null && !stopped) {
      handler.run();
    }
  }

  private void reportFailure(Throwable e) {
    if (!stopped) {
      onFailure.accept(e);
    }
  }
}
