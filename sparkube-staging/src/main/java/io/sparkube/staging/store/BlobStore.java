package io.sparkube.staging.store;

import io.sparkube.staging.error.Problem;
import io.sparkube.staging.error.StagingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Content-addressed blobs on disk, each beside its metadata. The disk is the truth; the map in
 * memory is rebuilt from it at start, when uploads a crash left behind are deleted. Changes to
 * metadata are serialised by this object's lock; the bytes of uploads are written outside it.
 */
public final class BlobStore {
  private static final Logger LOG = LoggerFactory.getLogger(BlobStore.class);

  /** Whether an upload added a blob or found it already stored. */
  public enum Outcome { CREATED, EXISTED }

  private final BlobLayout layout;
  private final MetaFiles metaFiles;
  private final SpaceBudget budget;
  private final long maxBlobBytes;
  private final Clock clock;
  private final Map<Sha256, BlobMeta> index = new ConcurrentHashMap<>();

  private BlobStore(Path root, long maxBlobBytes, long maxStoreBytes, Clock clock) {
    this.layout = new BlobLayout(root);
    this.metaFiles = new MetaFiles(layout);
    this.budget = new SpaceBudget(maxStoreBytes);
    this.maxBlobBytes = maxBlobBytes;
    this.clock = clock;
  }

  /** Opens the store at {@code root}, creating it if needed, and drops what interrupted uploads left. */
  public static BlobStore open(Path root, long maxBlobBytes, OptionalLong maxStoreBytes, Clock clock) {
    var store = new BlobStore(root, maxBlobBytes, maxStoreBytes.orElse(Long.MAX_VALUE), clock);
    try {
      store.recover();
    } catch (IOException e) {
      throw new StagingException(Problem.INTERNAL, "cannot open the staging store at " + root + ": " + e.getMessage()
          + "; check that the directory exists and the server may write it", e);
    }
    return store;
  }

  private void recover() throws IOException {
    Files.createDirectories(layout.blobs());
    Files.createDirectories(layout.tmp());
    try (Stream<Path> leftovers = Files.list(layout.tmp())) {
      for (var file : leftovers.toList()) {
        LOG.info("deleting {}, left by an upload that did not finish", file.getFileName());
        Files.deleteIfExists(file);
      }
    }
    try (Stream<Path> files = Files.walk(layout.blobs(), 2)) {
      for (var file : files.filter(Files::isRegularFile).toList()) {
        recoverFile(file);
      }
    }
    index.values().forEach(meta -> budget.add(meta.size()));
  }

  private void recoverFile(Path file) throws IOException {
    var name = file.getFileName().toString();
    if (name.endsWith(BlobLayout.META_SUFFIX)) {
      var hex = name.substring(0, name.length() - BlobLayout.META_SUFFIX.length());
      if (!Sha256.isValid(hex) || !Files.exists(layout.data(new Sha256(hex)))) {
        // Metadata whose blob was deleted before it: a crash in the middle of a delete.
        Files.deleteIfExists(file);
      }
      return;
    }
    if (!Sha256.isValid(name) || !file.equals(layout.data(new Sha256(name)))) {
      LOG.warn("ignoring {}: not a blob of this store", file);
      return;
    }
    var sha = new Sha256(name);
    var size = Files.size(file);
    var meta = Optional.of(layout.meta(sha)).filter(Files::exists).flatMap(metaFiles::read)
        .filter(m -> m.sha256().equals(sha.hex()) && m.size() == size);
    if (meta.isEmpty()) {
      // Moved into place but the crash came before its metadata: keep it, unreferenced, from now.
      var rebuilt = BlobMeta.created(sha, size, clock.instant());
      metaFiles.write(rebuilt);
      meta = Optional.of(rebuilt);
    }
    index.put(sha, meta.get());
  }

  /**
   * Starts an upload of {@code sha}, or, when empty, of a blob to be named by its bytes' hash. A
   * declared size is checked against the limits before any byte is read, so an oversized or
   * unfitting upload fails without costing a transfer.
   */
  public BlobUpload begin(Optional<Sha256> sha, OptionalLong declaredSize) {
    if (declaredSize.isPresent() && declaredSize.getAsLong() > maxBlobBytes) {
      throw BlobUpload.tooLarge(maxBlobBytes);
    }
    long reserved = 0;
    if (declaredSize.isPresent()) {
      budget.reserve(declaredSize.getAsLong());
      reserved = declaredSize.getAsLong();
    }
    try {
      var temp = Files.createTempFile(layout.tmp(), sha.map(Sha256::hex).orElse("unnamed") + "-", ".part");
      return new BlobUpload(this, sha, declaredSize, maxBlobBytes, temp, reserved);
    } catch (IOException e) {
      budget.unreserve(reserved);
      throw writeFailure(layout.tmp(), e);
    }
  }

  synchronized Outcome commit(BlobUpload upload, Sha256 sha, long size) {
    if (index.containsKey(sha)) {
      deleteQuietly(upload.temp());
      budget.unreserve(upload.reserved());
      return Outcome.EXISTED;
    }
    var data = layout.data(sha);
    try {
      Files.createDirectories(data.getParent());
      Files.move(upload.temp(), data, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw writeFailure(data, e);
    }
    var meta = BlobMeta.created(sha, size, clock.instant());
    try {
      BlobLayout.syncDirectory(data.getParent());
      metaFiles.write(meta);
    } catch (IOException e) {
      deleteQuietly(data);
      throw writeFailure(layout.meta(sha), e);
    }
    index.put(sha, meta);
    budget.store(upload.reserved(), size);
    return Outcome.CREATED;
  }

  public Optional<BlobMeta> meta(Sha256 sha) {
    return Optional.ofNullable(index.get(sha));
  }

  /** The stored file of a blob, for reading; empty when the blob is unknown. */
  public Optional<StoredBlob> blob(Sha256 sha) {
    return meta(sha).map(m -> new StoredBlob(sha, layout.data(sha), m.size()));
  }

  public Collection<BlobMeta> all() {
    return List.copyOf(index.values());
  }

  /** Changes a blob's metadata on disk, then in memory; fails when the blob is unknown. */
  public synchronized BlobMeta update(Sha256 sha, UnaryOperator<BlobMeta> change) {
    var current = index.get(sha);
    if (current == null) {
      throw new StagingException(Problem.NOT_FOUND, "blob " + sha + " is not stored (never uploaded, or cleaned up);"
          + " upload it again and retry");
    }
    var next = change.apply(current);
    if (next.equals(current)) {
      return current;
    }
    try {
      metaFiles.write(next);
    } catch (IOException e) {
      throw writeFailure(layout.meta(sha), e);
    }
    index.put(sha, next);
    return next;
  }

  /**
   * Changes the metadata of every blob in {@code shas}, or of none when one is unknown, so a job is
   * never left referencing part of what it asked for.
   */
  public synchronized List<BlobMeta> updateAll(Collection<Sha256> shas, UnaryOperator<BlobMeta> change) {
    var missing = shas.stream().filter(sha -> !index.containsKey(sha)).map(Sha256::hex).distinct().toList();
    if (!missing.isEmpty()) {
      throw new StagingException(Problem.NOT_FOUND, "blob" + (missing.size() > 1 ? "s " : " ")
          + String.join(", ", missing) + " not stored (never uploaded, or cleaned up); upload "
          + (missing.size() > 1 ? "them" : "it") + " again and retry");
    }
    return shas.stream().map(sha -> update(sha, change)).toList();
  }

  /** Deletes a blob if its current metadata passes {@code condition}, checked under the store's lock. */
  public synchronized boolean deleteIf(Sha256 sha, Predicate<BlobMeta> condition) {
    var current = index.get(sha);
    if (current == null || !condition.test(current)) {
      return false;
    }
    index.remove(sha);
    budget.free(current.size());
    // Data first: metadata without its blob is dropped at the next start, a blob without metadata kept.
    try {
      Files.deleteIfExists(layout.data(sha));
      Files.deleteIfExists(layout.meta(sha));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete blob " + sha, e);
    }
    return true;
  }

  public long usedBytes() {
    return budget.used();
  }

  SpaceBudget budget() {
    return budget;
  }

  Path tmpDir() {
    return layout.tmp();
  }

  static StagingException writeFailure(Path file, IOException e) {
    var message = String.valueOf(e.getMessage());
    if (message.contains("No space left on device")) {
      return new StagingException(Problem.STORE_FULL, "the staging server's disk is full; give "
          + file.getParent() + " more space or lower sparkube.staging.maxStoreBytes below what the disk holds", e);
    }
    if (e instanceof NoSuchFileException) {
      return new StagingException(Problem.INTERNAL, "cannot write " + file + ": it vanished; keep other processes"
          + " out of the staging directory", e);
    }
    return new StagingException(Problem.INTERNAL, "cannot write " + file + ": " + message
        + "; check the staging directory's permissions and disk", e);
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // Left for the next start, which empties the temp directory.
    }
  }
}
