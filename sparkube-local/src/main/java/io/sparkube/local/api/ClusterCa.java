package io.sparkube.local.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The cluster's certificate authority and the API server's certificate, generated once per state
 * directory and kept there as PEM ({@code ca.crt}, {@code ca.key}, {@code server.crt},
 * {@code server.key}), so a restarted cluster keeps the CA its kubeconfig and pods already trust.
 * EC P-256 keys: TLS accepts them everywhere we need it and they are generated in milliseconds.
 */
public record ClusterCa(String caPem, String serverCertPem, String serverKeyPem) {
  /** The names pods and tools use for the API server; in-cluster clients verify {@code kubernetes.default.svc}. */
  static final String[] SERVER_NAMES = {"localhost", "kubernetes", "kubernetes.default", "kubernetes.default.svc",
      "kubernetes.default.svc.cluster.local"};
  private static final Duration VALIDITY = Duration.ofDays(3650);

  /** Loads the CA and server certificate from {@code dir}, generating (and saving) them the first time. */
  public static ClusterCa loadOrCreate(Path dir) {
    try {
      Files.createDirectories(dir);
      var ca = dir.resolve("ca.crt");
      var cert = dir.resolve("server.crt");
      var key = dir.resolve("server.key");
      if (!Files.exists(ca) || !Files.exists(cert) || !Files.exists(key)) {
        generate(dir);
      }
      return new ClusterCa(Files.readString(ca), Files.readString(cert), Files.readString(key));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or write the cluster CA in " + dir, e);
    }
  }

  private static void generate(Path dir) throws IOException {
    try {
      var caKeys = ecKeyPair();
      var caName = new X500Name("CN=sparkube-local-ca");
      var caCert = sign(caName, caKeys, caName, caKeys.getPrivate(), true);
      var serverKeys = ecKeyPair();
      var serverCert = sign(new X500Name("CN=kube-apiserver"), serverKeys, caName, caKeys.getPrivate(), false);
      Pem.writePrivate(dir.resolve("ca.key"), Pem.encode(caKeys.getPrivate()));
      Pem.writePrivate(dir.resolve("server.key"), Pem.encode(serverKeys.getPrivate()));
      Files.writeString(dir.resolve("server.crt"), Pem.encode(serverCert));
      // Written last: its presence says the set is complete.
      Files.writeString(dir.resolve("ca.crt"), Pem.encode(caCert));
    } catch (java.security.GeneralSecurityException | org.bouncycastle.operator.OperatorCreationException e) {
      throw new IllegalStateException("cannot generate the cluster CA", e);
    }
  }

  private static KeyPair ecKeyPair() throws java.security.GeneralSecurityException {
    var generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    return generator.generateKeyPair();
  }

  private static X509Certificate sign(X500Name subject, KeyPair subjectKeys, X500Name issuer, PrivateKey issuerKey,
      boolean isCa) throws IOException, java.security.GeneralSecurityException,
      org.bouncycastle.operator.OperatorCreationException {
    var now = Instant.now();
    var builder = new JcaX509v3CertificateBuilder(issuer, new BigInteger(64, new SecureRandom()),
        Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(VALIDITY)), subject, subjectKeys.getPublic());
    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(isCa));
    if (isCa) {
      builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
    } else {
      builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
      builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
      builder.addExtension(Extension.subjectAlternativeName, false, serverNames());
    }
    var signer = new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKey);
    return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
  }

  private static GeneralNames serverNames() {
    var names = new GeneralName[SERVER_NAMES.length + 1];
    for (int i = 0; i < SERVER_NAMES.length; i++) {
      names[i] = new GeneralName(GeneralName.dNSName, SERVER_NAMES[i]);
    }
    names[SERVER_NAMES.length] = new GeneralName(GeneralName.iPAddress, "127.0.0.1");
    return new GeneralNames(names);
  }
}
