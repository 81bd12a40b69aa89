package io.sparkube.staging.signing;

import io.sparkube.staging.config.StagingKeys;
import io.sparkube.staging.error.Problem;
import io.sparkube.staging.error.StagingException;
import io.sparkube.staging.store.Sha256;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and checks download URLs: HMAC-SHA256 over the blob's hash, the file name and the expiry,
 * so a URL grants exactly one blob under exactly one name until exactly one time, and changing
 * any of them breaks it.
 */
public final class UrlSigner {
  private static final String ALGORITHM = "HmacSHA256";
  /** Versioned so a future scheme can never accept a signature made for this one, or the reverse. */
  private static final String SCHEME = "sparkube-staging-v1";

  private final SecretKeySpec key;

  public UrlSigner(SigningKey key) {
    this.key = new SecretKeySpec(key.bytes(), ALGORITHM);
  }

  public String sign(Sha256 sha, FileName name, long expiresEpochSecond) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(mac(sha, name, expiresEpochSecond));
  }

  /** Passes a URL's parts only if they carry a valid signature and have not expired at {@code now}. */
  public void verify(Sha256 sha, FileName name, String expires, String signature, Instant now) {
    long expiry;
    byte[] given;
    try {
      expiry = Long.parseLong(expires);
      given = Base64.getUrlDecoder().decode(signature);
    } catch (RuntimeException e) {
      throw tampered();
    }
    // Constant time, so timing reveals nothing of the correct signature.
    if (!MessageDigest.isEqual(mac(sha, name, expiry), given)) {
      throw tampered();
    }
    if (now.getEpochSecond() > expiry) {
      throw new StagingException(Problem.FORBIDDEN, "the download URL expired at " + Instant.ofEpochSecond(expiry)
          + "; the job outlived " + StagingKeys.URL_TTL_MS.key() + ": raise it on the staging server and resubmit");
    }
  }

  private byte[] mac(Sha256 sha, FileName name, long expiresEpochSecond) {
    try {
      var mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      // Newlines cannot occur in any part (file names exclude control characters), so the parts never blur.
      var message = SCHEME + "\n" + sha.hex() + "\n" + name.value() + "\n" + expiresEpochSecond;
      return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every Java runtime has " + ALGORITHM, e);
    }
  }

  private static StagingException tampered() {
    return new StagingException(Problem.FORBIDDEN, "the download URL's signature does not match; use the URL exactly"
        + " as the staging server issued it, or resubmit the job for a new one");
  }
}
