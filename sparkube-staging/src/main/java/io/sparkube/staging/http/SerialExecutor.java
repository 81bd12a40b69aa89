package io.sparkube.staging.http;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs tasks one at a time, in order, on a shared pool. While one runs, tasks that arrive join the
 * same pass, so a fast stream of small tasks costs one thread hand-off, not one each.
 */
final class SerialExecutor implements Executor {
  private final Executor pool;
  private final Queue<Runnable> queue = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean running = new AtomicBoolean();

  SerialExecutor(Executor pool) {
    this.pool = pool;
  }

  @Override
  public void execute(Runnable task) {
    queue.add(task);
    if (running.compareAndSet(false, true)) {
      pool.execute(this::runAll);
    }
  }

  private void runAll() {
    do {
      Runnable task;
      while ((task = queue.poll()) != null) {
        task.run();
      }
      running.set(false);
      // A task added after the last poll but before the flag dropped would otherwise wait forever.
    } while (!queue.isEmpty() && running.compareAndSet(false, true));
  }
}
