package io.sparkube.staging.service;

import io.sparkube.staging.error.Problem;
import io.sparkube.staging.error.StagingException;
import io.sparkube.staging.signing.FileName;
import io.sparkube.staging.signing.UrlSigner;
import io.sparkube.staging.store.BlobMeta;
import io.sparkube.staging.store.BlobStore;
import io.sparkube.staging.store.BlobUpload;
import io.sparkube.staging.store.Sha256;
import io.sparkube.staging.store.StoredBlob;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * What the staging server does, with no HTTP in it: store blobs, hand out signed URLs for the
 * blobs a job references, release them when the job ends, and serve them to a valid URL.
 */
public final class StagingService {
  private final BlobStore store;
  private final UrlSigner signer;
  private final BaseUris uris;
  private final Duration urlTtl;
  private final Clock clock;
  private final JobRefs refs;

  public StagingService(BlobStore store, UrlSigner signer, BaseUris uris, Duration urlTtl, Clock clock) {
    this.store = store;
    this.signer = signer;
    this.uris = uris;
    this.urlTtl = urlTtl;
    this.clock = clock;
    this.refs = JobRefs.from(store.all(), clock.instant());
  }

  /**
   * Starts a streamed upload of {@code sha}, or of a blob named by its hash when empty; the caller
   * writes the bytes, then commits or closes it.
   */
  public BlobUpload beginUpload(Optional<Sha256> sha, OptionalLong size) {
    return store.begin(sha, size);
  }

  /** Stores {@code in}'s bytes as blob {@code sha} if they hash to it. */
  public BlobStore.Outcome upload(Sha256 sha, OptionalLong size, InputStream in) {
    if (store.meta(sha).isPresent()) {
      return BlobStore.Outcome.EXISTED;
    }
    try (var upload = store.begin(Optional.of(sha), size)) {
      upload.writeAll(in);
      return upload.commit();
    } catch (IOException e) {
      throw new UncheckedIOException("reading the upload of " + sha + " failed", e);
    }
  }

  /** The blob's size, or empty when it is not stored. */
  public OptionalLong exists(Sha256 sha) {
    return store.meta(sha).map(m -> OptionalLong.of(m.size())).orElse(OptionalLong.empty());
  }

  public URI signedUrl(Sha256 sha, FileName name, Audience audience) {
    var expires = clock.instant().plus(urlTtl).getEpochSecond();
    return BaseUris.resolve(uris.of(audience), "/v1/files/" + sha.hex() + "/" + name.urlEncoded()
        + "?expires=" + expires + "&signature=" + signer.sign(sha, name, expires));
  }

  /** Records that {@code job} uses {@code files}, all or none, and signs a URL for each. */
  public synchronized List<SignedFile> reference(JobId job, List<StagedFile> files) {
    var shas = files.stream().map(StagedFile::sha).distinct().toList();
    var metas = store.updateAll(shas, meta -> meta.withJob(job.value()));
    var now = clock.instant();
    shas.forEach(sha -> refs.add(job, sha, now));
    return files.stream().map(file -> new SignedFile(file, sizeIn(metas, file.sha()),
        signedUrl(file.sha(), file.fileName(), Audience.INTERNAL),
        signedUrl(file.sha(), file.fileName(), Audience.EXTERNAL))).toList();
  }

  /** Drops {@code job}'s references; its blobs' retention starts now. Releasing twice is harmless. */
  public synchronized int release(JobId job) {
    var shas = refs.of(job);
    var now = clock.instant();
    for (var sha : shas) {
      if (store.meta(sha).isPresent()) {
        store.update(sha, meta -> meta.withoutJob(job.value(), now));
      }
      refs.remove(job, sha);
    }
    return shas.size();
  }

  /**
   * Releases {@code job} unless it referenced a blob at or after {@code since}: a caller that
   * decided from an older look at the jobs must not drop references made since.
   */
  public synchronized int releaseIfNotReferencedSince(JobId job, Instant since) {
    if (refs.lastReferenced(job).filter(at -> !at.isBefore(since)).isPresent()) {
      return 0;
    }
    return release(job);
  }

  /** Every job holding references, with when it last referenced a blob (or when this server started). */
  public synchronized Map<JobId, Instant> referencingJobs() {
    return refs.lastReferenced();
  }

  public synchronized Set<Sha256> blobsOf(JobId job) {
    return refs.of(job);
  }

  /** The blob a signed URL names, once its signature and expiry check out. */
  public StoredBlob open(Sha256 sha, FileName name, String expires, String signature) {
    signer.verify(sha, name, expires, signature, clock.instant());
    return store.blob(sha).orElseThrow(() -> new StagingException(Problem.NOT_FOUND, "blob " + sha
        + " is no longer stored (cleaned up after its job ended); resubmit the job to stage it again"));
  }

  private static long sizeIn(List<BlobMeta> metas, Sha256 sha) {
    return metas.stream().filter(m -> m.sha256().equals(sha.hex())).findFirst().orElseThrow().size();
  }
}
