package io.sparkube.staging.client;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The SHA-256 of files to upload, remembered across submissions the way git's index remembers
 * them: by path, with the file's size, modification and change times, device and inode. Hashing a
 * 1 GiB jar takes about a second; a resubmitted file that kept all of these is not read again.
 *
 * <p>The change time is the kernel's, set on every write and every metadata change, and no program
 * can set it back, so an unchanged record means unchanged bytes. A file changed within the clock's
 * tick after it was hashed would keep its times, so a record is kept only for a file whose times
 * are {@link #SETTLED} old when it is hashed (git's "racily clean" rule). Without the unix
 * attributes (Windows) nothing is remembered. The staging server checks every upload against its
 * hash whatever this says.
 */
public final class FileHashes {
  /** How old a file's times must be for its hash to be remembered. */
  static final Duration SETTLED = Duration.ofSeconds(2);
  private static final String ATTRIBUTES = "unix:size,lastModifiedTime,ctime,dev,ino";
  private static final String FORMAT = "v1";

  private final Optional<Path> dir;
  private final Clock clock;

  private FileHashes(Optional<Path> dir, Clock clock) {
    this.dir = dir;
    this.clock = clock;
  }

  /** Hashes every file every time. */
  public static FileHashes none() {
    return new FileHashes(Optional.empty(), Clock.systemUTC());
  }

  /** Remembers hashes in {@code dir}, one small file per path; created when first needed. */
  public static FileHashes cachedIn(Path dir) {
    return cachedIn(dir, Clock.systemUTC());
  }

  /** As {@link #cachedIn(Path)}, with the clock that says how old a file's times are. */
  public static FileHashes cachedIn(Path dir, Clock clock) {
    return new FileHashes(Optional.of(dir), clock);
  }

  /** The file's SHA-256 as lower-case hex: remembered, or read in blocks (never held in memory). */
  public String sha256(Path file) throws IOException {
    var seen = seen(file);
    var remembered = remembered(seen);
    if (remembered.isPresent()) {
      return remembered.get();
    }
    return hashAndRemember(seen);
  }

  /** The file's hash if it is remembered and the file is as {@code seen} found it; nothing is read. */
  public Optional<String> remembered(Seen seen) {
    if (dir.isEmpty() || seen.fingerprint().isEmpty()) {
      return Optional.empty();
    }
    try {
      var fields = Files.readString(dir.get().resolve(recordName(seen.file())), StandardCharsets.UTF_8).strip()
          .split(" ");
      if (fields.length == 3 && fields[0].equals(FORMAT) && fields[1].equals(seen.fingerprint().get().text())
          && fields[2].matches("[0-9a-f]{64}")) {
        return Optional.of(fields[2]);
      }
    } catch (IOException e) {
      // No record, or one being replaced: the file has to be hashed.
    }
    return Optional.empty();
  }

  /** Reads the file seen as {@code seen} and hashes it, then {@link #remember}s the hash. */
  public String hashAndRemember(Seen seen) throws IOException {
    var sha = hash(seen.file());
    remember(seen, sha);
    return sha;
  }

  /** The file as it is before its bytes are read, to {@link #remember} their hash against. */
  public Seen seen(Path file) throws IOException {
    return new Seen(file, fingerprint(file), clock.instant());
  }

  /**
   * Remembers {@code sha} as the hash of the bytes read after {@code seen}, when the file is still
   * as it was then and its times had settled by then; otherwise nothing.
   */
  public void remember(Seen seen, String sha) {
    if (dir.isEmpty() || seen.fingerprint().isEmpty()) {
      return;
    }
    try {
      if (!seen.fingerprint().equals(fingerprint(seen.file()))
          || !seen.fingerprint().get().settledBy(seen.at().minus(SETTLED).toEpochMilli())) {
        return;
      }
      var record = dir.get().resolve(recordName(seen.file()));
      Files.createDirectories(record.getParent());
      var temp = Files.createTempFile(record.getParent(), record.getFileName().toString(), ".tmp");
      Files.writeString(temp, FORMAT + " " + seen.fingerprint().get().text() + " " + sha + "\n",
          StandardCharsets.UTF_8);
      Files.move(temp, record, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      // A cache that cannot be written only costs the next submission a hash.
    }
  }

  /** Drops what is remembered of {@code file}, when the server found its bytes hash otherwise. */
  public void forget(Path file) {
    if (dir.isPresent()) {
      try {
        Files.deleteIfExists(dir.get().resolve(recordName(file)));
      } catch (IOException e) {
        // Only costs a hash next time if it stays; the record's times would not match new bytes anyway.
      }
    }
  }

  /** The SHA-256 of a file, read in blocks, as lower-case hex. */
  static String hash(Path file) throws IOException {
    var digest = sha256();
    var buffer = new byte[1 << 20];
    try (InputStream in = Files.newInputStream(file)) {
      int n;
      while ((n = in.read(buffer)) >= 0) {
        digest.update(buffer, 0, n);
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  /** Named by a hash of the absolute path, so any path makes a safe file name. */
  private static String recordName(Path file) {
    var path = file.toAbsolutePath().normalize().toString();
    return HexFormat.of().formatHex(sha256().digest(path.getBytes(StandardCharsets.UTF_8)));
  }

  private static Optional<Fingerprint> fingerprint(Path file) throws IOException {
    Map<String, Object> attributes;
    try {
      attributes = Files.readAttributes(file, ATTRIBUTES);
    } catch (UnsupportedOperationException | IllegalArgumentException e) {
      return Optional.empty();
    }
    return Optional.of(new Fingerprint((Long) attributes.get("size"),
        nanos((FileTime) attributes.get("lastModifiedTime")), nanos((FileTime) attributes.get("ctime")),
        (Long) attributes.get("dev"), (Long) attributes.get("ino")));
  }

  private static long nanos(FileTime time) {
    return time.to(TimeUnit.NANOSECONDS);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /** A file's state at a moment, before its bytes were read. */
  public record Seen(Path file, Optional<Fingerprint> fingerprint, Instant at) {
  }

  record Fingerprint(long size, long modifiedNanos, long changedNanos, long device, long inode) {
    String text() {
      return size + ":" + modifiedNanos + ":" + changedNanos + ":" + device + ":" + inode;
    }

    boolean settledBy(long epochMilli) {
      var limit = TimeUnit.MILLISECONDS.toNanos(epochMilli);
      return modifiedNanos <= limit && changedNanos <= limit;
    }
  }
}
