package io.sparkube.e2e.aws;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipEntry;

/**
 * The directory the identity tests mount into driver and executors and put on their class path:
 * S3A and the AWS SDK modules it needs (copied by the build, see the pom), plus
 * {@link StsEndpointOverride}, packed here from the compiled test classes.
 */
public final class IdentityDeps {
  private static final String OVERRIDE_JAR = "sparkube-sts-endpoint-override.jar";

  private IdentityDeps() {}

  /** {@code target/identity-deps} of this module, complete; {@code module} is the module's directory. */
  public static Path prepare(Path module) throws IOException {
    var dir = module.resolve("target/identity-deps").toAbsolutePath().normalize();
    try (var jars = Files.list(dir)) {
      if (jars.noneMatch(j -> j.getFileName().toString().startsWith("hadoop-aws-"))) {
        throw new IllegalStateException(dir + " has no hadoop-aws: build with mvn -pl sparkube-e2e test-compile");
      }
    } catch (java.nio.file.NoSuchFileException e) {
      throw new IllegalStateException(dir + " is missing: build with mvn -pl sparkube-e2e test-compile", e);
    }
    var className = StsEndpointOverride.class.getName().replace('.', '/') + ".class";
    var classFile = module.resolve("target/test-classes").resolve(className);
    try (var jar = new JarOutputStream(Files.newOutputStream(dir.resolve(OVERRIDE_JAR)))) {
      jar.putNextEntry(new ZipEntry(className));
      Files.copy(classFile, jar);
      jar.closeEntry();
      jar.putNextEntry(new ZipEntry(StsEndpointOverride.REGISTRATION));
      jar.write((StsEndpointOverride.class.getName() + "\n").getBytes(StandardCharsets.UTF_8));
      jar.closeEntry();
    }
    return dir;
  }
}
