package io.sparkube.local.api;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;

/** PEM in and out for keys and certificates; private keys as PKCS#8, which every TLS stack reads. */
final class Pem {
  private Pem() {}

  static String encode(Object keyOrCertificate) throws IOException {
    var out = new StringWriter();
    try (var writer = new JcaPEMWriter(out)) {
      if (keyOrCertificate instanceof java.security.PrivateKey key) {
        writer.writeObject(new JcaPKCS8Generator(key, null));
      } else {
        writer.writeObject(keyOrCertificate);
      }
    }
    return out.toString();
  }

  /** Reads a PKCS#8 private key; the public half is derived by the converter for RSA and EC alike. */
  static KeyPair readKeyPair(String pem) throws IOException {
    try (var parser = new PEMParser(new StringReader(pem))) {
      var object = parser.readObject();
      var converter = new JcaPEMKeyConverter();
      if (object instanceof PEMKeyPair pair) {
        return converter.getKeyPair(pair);
      }
      if (object instanceof PrivateKeyInfo info) {
        var key = converter.getPrivateKey(info);
        if (key instanceof java.security.interfaces.RSAPrivateCrtKey rsa) {
          var spec = new java.security.spec.RSAPublicKeySpec(rsa.getModulus(), rsa.getPublicExponent());
          var pub = java.security.KeyFactory.getInstance("RSA").generatePublic(spec);
          return new KeyPair(pub, key);
        }
      }
      throw new IOException("not an RSA private key in PEM: " + (object == null ? "empty" : object.getClass()));
    } catch (java.security.GeneralSecurityException e) {
      throw new IOException(e);
    }
  }

  /** Writes a file only its owner can read: it holds a private key or a credential. */
  static void writePrivate(Path file, String content) throws IOException {
    Files.deleteIfExists(file);
    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(file, content);
  }
}
