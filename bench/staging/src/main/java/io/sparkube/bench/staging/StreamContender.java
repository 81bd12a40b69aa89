package io.sparkube.bench.staging;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** One way of moving the blob up to a store and back down to a file: the loopback copy, or the staging server. */
sealed interface StreamContender {
  String label();

  /** Uploads then downloads {@code blob}, each timed after the disk settles; {@code scratch} is empty and its own. */
  StreamRun run(RandomBlob blob, Path scratch) throws Exception;

  /**
   * Plain sockets: receive + fsync for the upload, then sendfile of the received copy for the
   * download, so that, as with the server, the stored copy and the downloaded one are both in memory.
   */
  record Loopback(LoopbackReceiver receiver) implements StreamContender {
    @Override
    public String label() {
      return "loopback copy (baseline)";
    }

    @Override
    public StreamRun run(RandomBlob blob, Path scratch) throws Exception {
      Disk.settle();
      var stored = scratch.resolve("stored");
      var upload = receiver.upload(blob.file(), stored);
      Transfer download;
      try (var files = LoopbackFileServer.serve(stored)) {
        Disk.settle();
        download = files.download().toFile(scratch.resolve("downloaded"));
      }
      Disk.verifyAndDelete(scratch.resolve("downloaded"), blob);
      return new StreamRun(upload, upload, Map.of(), download, 0);
    }
  }

  /** A fresh staging server: StagingClient.upload, then a GET of the signed URL a job would get. */
  record Staging(Optional<SelfSignedTls> tls) implements StreamContender {
    @Override
    public String label() {
      return tls.isPresent() ? "staging server, https" : "staging server, http";
    }

    @Override
    public StreamRun run(RandomBlob blob, Path scratch) throws Exception {
      UploadTiming upload;
      Transfer download;
      try (var server = LocalStagingServer.start(scratch.resolve("server"), tls)) {
        Disk.settle();
        upload = server.upload(blob);
        var url = server.download(blob);
        Disk.settle();
        download = url.toFile(scratch.resolve("downloaded"));
      }
      Disk.verifyAndDelete(scratch.resolve("downloaded"), blob);
      return new StreamRun(upload.total(), upload.put(), upload.cpuByThread(), download, 0);
    }
  }
}
