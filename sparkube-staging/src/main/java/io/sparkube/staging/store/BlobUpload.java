package io.sparkube.staging.store;

import io.sparkube.staging.config.StagingKeys;
import io.sparkube.staging.error.Problem;
import io.sparkube.staging.error.StagingException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One upload in progress: bytes go to a temp file as they arrive, hashed on the way, and become a
 * blob only in {@link #commit()}, after an fsync, named by that hash: an upload that named its
 * blob commits only if the bytes hash to that name.
 * Closing an upload that was not committed deletes its temp file, so nothing partial is ever
 * visible. Not thread-safe: one writer at a time, as the bytes of one request arrive in order (or
 * one hasher and one writer, see {@link #hash}).
 */
public final class BlobUpload implements AutoCloseable {
  /** Space is reserved in steps this big when the size was not declared, not per chunk. */
  private static final long RESERVE_STEP = 8L << 20;
  /**
   * Written bytes are forced to disk in steps this big as they arrive. Left alone, the kernel starts
   * writing back only once ~10% of RAM is dirty, so commit's fsync had the whole blob still to write
   * (about 0.6 s per GiB on the benchmark machine, after the last byte had arrived).
   */
  public static final long FLUSH_STEP = 64L << 20;

  private final BlobStore store;
  private final Optional<Sha256> expected;
  private Sha256 committedAs;
  private final OptionalLong declaredSize;
  private final long maxBlobBytes;
  private final Path temp;
  private final FileChannel channel;
  private final MessageDigest digest;
  private volatile long written;
  private long flushed;
  private long reserved;
  private boolean finished;

  BlobUpload(BlobStore store, Optional<Sha256> expected, OptionalLong declaredSize, long maxBlobBytes, Path temp,
      long reserved) throws IOException {
    this.store = store;
    this.expected = expected;
    this.declaredSize = declaredSize;
    this.maxBlobBytes = maxBlobBytes;
    this.temp = temp;
    this.reserved = reserved;
    this.channel = FileChannel.open(temp, StandardOpenOption.WRITE);
    this.digest = sha256();
  }

  /** The blob's name: the one the upload gave, or, for an upload that gave none, its hash once committed. */
  public Sha256 sha() {
    return expected.or(() -> Optional.ofNullable(committedAs)).orElseThrow(() -> new IllegalStateException(
        "an upload that named no blob has a name only once committed"));
  }

  private String what() {
    return expected.map(sha -> "upload of " + sha).orElse("the upload");
  }

  public long written() {
    return written;
  }

  Path temp() {
    return temp;
  }

  long reserved() {
    return reserved;
  }

  public void write(ByteBuffer data) {
    hash(data.duplicate());
    writeUnhashed(data);
    flushWritten();
  }

  /**
   * Adds the next bytes to the hash. With {@link #writeUnhashed} it lets the hash and the writes
   * run on two threads: each call sequence in order, one thread each, and commit after both.
   */
  public void hash(ByteBuffer data) {
    digest.update(data);
  }

  /**
   * Writes the next bytes without hashing them, nor forcing them to disk; see {@link #hash} and
   * {@link #flushWritten}.
   */
  public void writeUnhashed(ByteBuffer data) {
    writeUnhashed(new ByteBuffer[] {data});
  }

  /** Writes the next buffers, in order, with gathering writes; as {@link #writeUnhashed(ByteBuffer)}. */
  public void writeUnhashed(ByteBuffer[] data) {
    ensureOpen();
    long bytes = 0;
    for (var buffer : data) {
      bytes += buffer.remaining();
    }
    if (written + bytes > maxBlobBytes) {
      throw tooLarge(maxBlobBytes);
    }
    if (declaredSize.isPresent() && written + bytes > declaredSize.getAsLong()) {
      throw new StagingException(Problem.BAD_REQUEST, what() + " sent more than the "
          + declaredSize.getAsLong() + " bytes it declared; send exactly Content-Length bytes");
    }
    if (written + bytes > reserved) {
      var need = written + bytes - reserved;
      reserved += store.budget().reserve(need, Math.max(need, Math.min(RESERVE_STEP, maxBlobBytes - reserved)));
    }
    try {
      long left = bytes;
      while (left > 0) {
        left -= channel.write(data);
      }
    } catch (IOException e) {
      throw BlobStore.writeFailure(temp, e);
    }
    written += bytes;
  }

  /**
   * Forces what was written to disk once {@link #FLUSH_STEP} more bytes have come since the last
   * time. It may run on a thread of its own while the writer goes on: the disk then writes one step
   * while the next arrives, instead of the writer waiting on each. One flushing thread at a time. A
   * failure here is not reported: commit's own fsync meets it again, and then fails the upload.
   */
  public void flushWritten() {
    var upTo = written;
    if (upTo - flushed < FLUSH_STEP) {
      return;
    }
    try {
      channel.force(false);
      flushed = upTo;
    } catch (IOException e) {
      // The channel closed under us (an abandoned upload), or the disk failed: commit will tell.
    }
  }

  /** Reads {@code in} to its end into the upload. */
  public void writeAll(InputStream in) throws IOException {
    var buffer = new byte[1 << 16];
    int n;
    while ((n = in.read(buffer)) >= 0) {
      write(ByteBuffer.wrap(buffer, 0, n));
    }
  }

  /** Makes the bytes a blob if they hash to the name given; whether it was new or already stored. */
  public BlobStore.Outcome commit() {
    ensureOpen();
    if (declaredSize.isPresent() && written != declaredSize.getAsLong()) {
      throw new StagingException(Problem.BAD_REQUEST, what() + " ended after " + written
          + " of the " + declaredSize.getAsLong() + " bytes it declared; upload it again");
    }
    var actual = Sha256.of(digest.digest());
    if (expected.isPresent() && !actual.equals(expected.get())) {
      throw new StagingException(Problem.HASH_MISMATCH, "the uploaded bytes hash to " + actual + ", not "
          + expected.get() + "; the file changed or was corrupted in transit: hash it again and upload it again");
    }
    try {
      channel.force(true);
      channel.close();
    } catch (IOException e) {
      throw BlobStore.writeFailure(temp, e);
    }
    var outcome = store.commit(this, actual, written);
    committedAs = actual;
    finished = true;
    return outcome;
  }

  /** Abandons the upload unless it was committed; safe to call more than once. */
  @Override
  public void close() {
    if (finished) {
      return;
    }
    finished = true;
    try {
      channel.close();
      Files.deleteIfExists(temp);
    } catch (IOException e) {
      // The next start empties the temp directory anyway.
    }
    store.budget().unreserve(reserved);
  }

  private void ensureOpen() {
    if (finished) {
      throw new IllegalStateException(what() + " is already finished");
    }
  }

  static StagingException tooLarge(long max) {
    return new StagingException(Problem.TOO_LARGE, "the blob is larger than " + StagingKeys.MAX_BLOB_BYTES.key()
        + "=" + max + " bytes; raise that setting on the staging server, or put the file in the image or in"
        + " object storage");
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
