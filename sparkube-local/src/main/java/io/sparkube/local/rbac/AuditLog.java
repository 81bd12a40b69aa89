package io.sparkube.local.rbac;

import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.LinkedHashMap;

/**
 * The record of authorization decisions, one JSON object per line, appended to a file, so tests
 * can prove which permissions a workload used. Fields: {@code time}, {@code user}, {@code verb},
 * {@code apiGroup}, {@code resource}, {@code subresource}, {@code namespace}, {@code name},
 * {@code allowed}; a non-resource request also has {@code path} (and empty resource fields).
 * Each line is flushed as written, so a reader never sees half a decision.
 */
public final class AuditLog implements AutoCloseable {
  private final Path file;
  private final Clock clock;
  private final BufferedWriter out;

  private AuditLog(Path file, Clock clock, BufferedWriter out) {
    this.file = file;
    this.clock = clock;
    this.out = out;
  }

  /** Opens {@code file} for appending: a restarted cluster adds to what the last one wrote. */
  public static AuditLog append(Path file, Clock clock) {
    try {
      return new AuditLog(file, clock, Files.newBufferedWriter(file, StandardCharsets.UTF_8,
          StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the audit log " + file, e);
    }
  }

  public Path file() {
    return file;
  }

  public void record(UserInfo user, RequestAttributes request, boolean allowed) {
    var line = new LinkedHashMap<String, Object>();
    line.put("time", clock.instant().toString());
    line.put("user", user.name());
    line.put("verb", request.verb());
    line.put("apiGroup", request.apiGroup());
    line.put("resource", request.resource());
    line.put("subresource", request.subresource());
    line.put("namespace", request.namespace());
    line.put("name", request.name());
    if (!request.resourceRequest()) {
      line.put("path", request.path());
    }
    line.put("allowed", allowed);
    write(Serialization.asJson(line));
  }

  private synchronized void write(String json) {
    try {
      out.write(json);
      out.newLine();
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the audit log " + file, e);
    }
  }

  @Override
  public synchronized void close() {
    try {
      out.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close the audit log " + file, e);
    }
  }
}
