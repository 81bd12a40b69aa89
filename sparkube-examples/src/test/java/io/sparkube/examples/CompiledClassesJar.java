package io.sparkube.examples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;

/** Surefire runs before the jar phase: the compiled classes, packed as the examples jar will hold them. */
final class CompiledClassesJar {
  private CompiledClassesJar() {}

  static Path pack(Path dir) throws IOException {
    var classes = Path.of("target/classes");
    var jarFile = dir.resolve("examples.jar");
    try (var jar = new JarOutputStream(Files.newOutputStream(jarFile));
        Stream<Path> files = Files.walk(classes)) {
      for (var file : files.filter(Files::isRegularFile).sorted().toList()) {
        jar.putNextEntry(new ZipEntry(classes.relativize(file).toString().replace('\\', '/')));
        Files.copy(file, jar);
        jar.closeEntry();
      }
    }
    return jarFile;
  }
}
