package io.sparkube.bench.staging;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Measures the staging server's upload and download throughput against a plain loopback socket
 * copy of the same bytes, and its behaviour under a fan-out of concurrent downloads, all in one
 * run, and writes the medians and ratios to BENCHMARKS.md.
 *
 * <p>Usage: {@code StagingBenchmark ROOT [options]}, the options as in {@link Options#USAGE}.
 */
public final class StagingBenchmark {
  static final int FANOUT_WARMUP = 8;
  static final int MIN_WARMUP_ROUNDS = 2;
  static final int MAX_WARMUP_ROUNDS = 6;
  static final long SETTLED_JIT_MILLIS = 500;

  private StagingBenchmark() {}

  public static void main(String[] args) throws Exception {
    var root = Path.of(args[0]).toAbsolutePath().normalize();
    var options = Options.parse(Arrays.asList(args).subList(1, args.length));
    Results results;
    try (var reporting = options.pausePageReporting() ? FreePageReporting.pause() : FreePageReporting.leave()) {
      results = measure(root, options, System.out, reporting.description());
    }
    var section = Report.section(results);
    System.out.println();
    System.out.print(section);
    if (options.report()) {
      Report.write(root.resolve("BENCHMARKS.md"), section);
      System.out.println("wrote " + root.resolve("BENCHMARKS.md"));
    }
  }

  static Results measure(Path root, Options o, PrintStream log, String pageReporting) throws Exception {
    // The sources, then at most a run's copies at a time; 512 MiB to spare.
    long diskNeeded = o.blobBytes() + o.fanoutBlobBytes() + o.peakCopyBytes() + (512L << 20);
    try (var work = Workspace.create(diskNeeded); var receiver = LoopbackReceiver.open()) {
      var machine = Machine.describe(root, work.dir());
      log.println("writing the blobs under " + work.dir());
      var blob = RandomBlob.write(work.dir().resolve("blob.bin"), o.blobBytes(), 1);
      var fanoutBlob = RandomBlob.write(work.dir().resolve("fanout-blob.bin"), o.fanoutBlobBytes(), 2);
      log.println("touching " + (o.peakCopyBytes() >> 20) + " MiB of page cache once before the runs");
      MemoryPrimer.prime(work.dir(), o.peakCopyBytes());
      var contenders = new ArrayList<StreamContender>(List.of(new StreamContender.Loopback(receiver),
          new StreamContender.Staging(Optional.empty())));
      if (o.tls()) {
        contenders.add(new StreamContender.Staging(Optional.of(SelfSignedTls.create(work.dir()))));
      }
      var warmup = warmUp(contenders, blob, work, log);
      var streams = streams(contenders, blob, o, work, log);
      var fanouts = fanouts(fanoutBlob, o, work, log);
      return new Results(o, machine, pageReporting, warmup, streams, fanouts);
    }
  }

  /**
   * Untimed rounds of every contender with the whole blob until the JIT has settled: at least two,
   * then until a round spends under {@link #SETTLED_JIT_MILLIS} compiling, at most
   * {@link #MAX_WARMUP_ROUNDS}. With one round of 256 MiB the first timed staging upload still cost
   * up to twice the CPU of the later ones; it took about 3 GiB of uploads before C2 stopped
   * compiling seconds' worth per round.
   */
  private static Results.Warmup warmUp(List<StreamContender> contenders, RandomBlob blob, Workspace work,
      PrintStream log) throws Exception {
    var jit = ManagementFactory.getCompilationMXBean();
    for (int round = 1; ; round++) {
      long before = jit.getTotalCompilationTime();
      for (var contender : contenders) {
        log.println(ConsoleLine.of("warm-up " + round + " " + contender.label(), runIn(work, contender, blob)));
      }
      long compiling = jit.getTotalCompilationTime() - before;
      log.println("warm-up " + round + ": " + compiling + " ms compiling");
      if ((round >= MIN_WARMUP_ROUNDS && compiling < SETTLED_JIT_MILLIS) || round == MAX_WARMUP_ROUNDS) {
        return new Results.Warmup(round, compiling);
      }
    }
  }

  /** Rounds of the one-stream case; each round starts with the next contender, so none always goes first. */
  private static Map<String, List<StreamRun>> streams(List<StreamContender> contenders, RandomBlob blob, Options o,
      Workspace work, PrintStream log) throws Exception {
    var results = new LinkedHashMap<String, List<StreamRun>>();
    contenders.forEach(c -> results.put(c.label(), new ArrayList<>()));
    for (int round = 0; round < o.runs(); round++) {
      for (int i = 0; i < contenders.size(); i++) {
        var contender = contenders.get((round + i) % contenders.size());
        OtherLoad.awaitQuiet(o.quietWaitSeconds(), log);
        var load = OtherLoad.start();
        var run = runIn(work, contender, blob).withOtherCpu(load.share());
        log.println(ConsoleLine.of("run " + (round + 1) + " " + contender.label(), run));
        results.get(contender.label()).add(run);
      }
    }
    return results;
  }

  /** One run in a scratch directory of its own, deleted after it: a staging server's store holds a copy of the blob. */
  private static StreamRun runIn(Workspace work, StreamContender contender, RandomBlob blob) throws Exception {
    var scratch = work.scratch(contender.label());
    try {
      return contender.run(blob, scratch);
    } finally {
      Workspace.deleteTree(scratch);
    }
  }

  /** The fan-out against the loopback file server and against one staging server holding the blob. */
  private static Map<String, List<FanoutResult>> fanouts(RandomBlob blob, Options o, Workspace work, PrintStream log)
      throws Exception {
    try (var files = LoopbackFileServer.serve(blob.file());
        var server = LocalStagingServer.start(work.scratch("fanout-server"), Optional.empty())) {
      server.upload(blob);
      var contenders = List.of(new FanoutContender("loopback file server (baseline)", files.download()),
          new FanoutContender("staging server, http", server.download(blob)));
      var results = new LinkedHashMap<String, List<FanoutResult>>();
      for (var contender : contenders) {
        log.println(ConsoleLine.of("warm-up " + contender.label(),
            Fanout.run(contender.source(), blob, Math.min(FANOUT_WARMUP, o.fanout()))));
        results.put(contender.label(), new ArrayList<>());
      }
      for (int round = 0; round < o.runs(); round++) {
        for (int i = 0; i < contenders.size(); i++) {
          var contender = contenders.get((round + i) % contenders.size());
          OtherLoad.awaitQuiet(o.quietWaitSeconds(), log);
          var load = OtherLoad.start();
          var result = Fanout.run(contender.source(), blob, o.fanout()).withOtherCpu(load.share());
          log.println(ConsoleLine.of("run " + (round + 1) + " " + contender.label(), result));
          results.get(contender.label()).add(result);
        }
      }
      return results;
    }
  }
}
