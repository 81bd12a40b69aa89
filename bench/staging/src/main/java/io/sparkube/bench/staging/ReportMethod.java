package io.sparkube.bench.staging;

import java.util.List;

/** The section's account of what was measured, on what and how: the part a reader checks before the tables. */
final class ReportMethod {
  private ReportMethod() {}

  static String of(Results r) {
    var o = r.options();
    var m = r.machine();
    int shaChecked = r.fanouts().values().stream().flatMap(List::stream).mapToInt(FanoutResult::shaChecked).sum();
    return "- Machine: " + m.cpus() + ", " + m.memory() + ", " + m.os() + "; temp files on " + m.disk() + "\n"
        + "- Java: `" + m.java() + "`, JVM flags: " + m.jvmFlags() + "; the server, its clients and the baseline all"
        + " run in this one JVM\n"
        + "- Commit: `" + m.commit() + "`\n"
        + "- Free page reporting to the hypervisor: " + r.pageReporting() + ". On this kind of VM a page handed back"
        + " costs a host fault at its next write, about 1.5 CPU-s per GiB, charged to whichever copy gets it. Before"
        + " the runs the harness writes and deletes " + Report.mib(o.peakCopyBytes()) + " MiB of page cache (a run's"
        + " peak), so the runs reuse pages touched once.\n"
        + "- Transport: **plain http on 127.0.0.1, TLS off**, for the targets."
        + (o.tls() ? " The https row (self-signed P-256 certificate in a PKCS12 keystore, same clients trusting"
            + " it) is for information and has no target." : "") + "\n"
        + "- One stream: a file of " + Report.mib(o.blobBytes()) + " MiB of random bytes, uploaded then downloaded by"
        + " each contender; " + o.runs() + " runs each after " + r.warmup().rounds() + " untimed warm-up rounds with"
        + " the same blob (until the JIT spent under " + StagingBenchmark.SETTLED_JIT_MILLIS + " ms of a round"
        + " compiling: " + r.warmup().lastRoundCompileMillis() + " ms in the last), alternated, the first contender"
        + " rotated each round. Before every timed run the harness waits (up to"
        + " " + o.quietWaitSeconds() + " s) for the machine to be quiet, and `sync`s before every timed transfer so"
        + " none pays for the last one's writeback. The source file stays in the page cache (reads cost no disk); uploads end in an fsync,"
        + " downloads in a closed file with no fsync, as Spark's own fetch does. *CPU* is this JVM's user + system"
        + " time, all threads (client and server alike), per GiB moved.\n"
        + "- *Loopback copy*, the limit: plain Java sockets on 127.0.0.1, no HTTP and no hashing. Upload:"
        + " FileInputStream to the socket with a 64 KiB buffer; the receiver reads into a 64 KiB direct buffer,"
        + " FileChannel.write, fsync, then a one-byte ack; timed at the sender from connect to ack. Download: the"
        + " copy it received, with FileChannel.transferTo (sendfile(2), as the server's sendFile) to the socket;"
        + " the client reads with a 64 KiB buffer into a FileOutputStream; timed from connect to the file closed.\n"
        + "- *Staging server*: `StagingServer.start` with default settings and a fresh store each run (so the upload"
        + " really transfers), in this JVM. Upload: `StagingClient.upload` of a file whose hash it does not know"
        + " (no hash cache), as for a jar just built: at 1 GiB it is not hashed first, but streamed unnamed (HEAD"
        + " /v1/blobs for the limits, then POST /v1/blobs); the server hashes, writes, fsyncs and renames before"
        + " its 201, which names the hash; timed call to return."
        + " Download: the signed URL from `StagingClient.reference`, fetched with HttpURLConnection (what Spark's"
        + " fetch uses) and the same 64 KiB read loop into a FileOutputStream. Every downloaded copy's SHA-256 is"
        + " checked after its timing.\n"
        + "- Fan-out: " + o.fanout() + " threads, one connection each, released together; aggregate = verified bytes"
        + " over the time from release to the last download's last byte. Bytes are counted and discarded, not"
        + " written to disk: every download is checked by byte count and CRC32C, and every " + Fanout.SHA_EVERY
        + "th by SHA-256 too (" + shaChecked + " checked); a download that is short, long, corrupt, refused or"
        + " stalled for 120 s counts as failed. Baseline: the loopback file server (sendfile, a thread per"
        + " connection). Same alternation as above, after a warm-up of " + Math.min(StagingBenchmark.FANOUT_WARMUP, o.fanout()) + " downloads.\n";
  }
}
