package io.sparkube.submit.staging;

import io.sparkube.model.error.SparkubeException;
import io.sparkube.submit.MainAppResource;
import io.sparkube.submit.SubmitRequest;
import io.sparkube.submit.args.Uris;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A job's dependencies that exist only on the submitting machine ({@code file:} URIs, which
 * spark-submit's parsing made of plain paths), in --jars, --files, --py-files, --archives and the
 * primary resource. Each must be a readable file before anything is uploaded.
 */
public final class LocalFiles {
  static final List<String> KEYS = List.of("spark.jars", "spark.files", "spark.submit.pyFiles", "spark.archives");

  private LocalFiles() {}

  /** The local files by their URI as written in the conf (without an archive's #alias). */
  public static Map<String, Path> of(SubmitRequest request) {
    var files = new LinkedHashMap<String, Path>();
    for (var key : KEYS) {
      request.conf().raw(key).ifPresent(list -> Uris.splitTrimmed(list).forEach(entry -> local(entry).ifPresent(path ->
          files.put(withoutFragment(entry), checked(key, entry, path)))));
    }
    primary(request.mainAppResource()).flatMap(uri -> local(uri).map(path -> Map.entry(uri, path)))
        .ifPresent(e -> files.put(withoutFragment(e.getKey()), checked("the primary resource", e.getKey(), e.getValue())));
    return files;
  }

  /** A local entry, and where the job names it: a conf key, or "the primary resource". */
  public record LocalEntry(String where, String uri) {}

  /** The job's first local entry, if it has any; the primary resource comes first. */
  public static Optional<LocalEntry> first(SubmitRequest request) {
    // The primary resource first: spark-submit's parsing also lists it in spark.jars.
    var resource = primary(request.mainAppResource()).filter(uri -> local(uri).isPresent());
    if (resource.isPresent()) {
      return Optional.of(new LocalEntry("the primary resource", resource.get()));
    }
    for (var key : KEYS) {
      var local = request.conf().raw(key).stream().flatMap(list -> Uris.splitTrimmed(list).stream())
          .filter(entry -> local(entry).isPresent()).findFirst();
      if (local.isPresent()) {
        return Optional.of(new LocalEntry(key, local.get()));
      }
    }
    return Optional.empty();
  }

  /** Local files need a staging server; without one the first is refused, with the ways out. */
  public static void requireServer(SubmitRequest request) {
    first(request).ifPresent(entry -> {
      throw noServer(entry.where(), entry.uri());
    });
  }

  private static SparkubeException noServer(String where, String uri) {
    return SparkubeException.invalidConfig(where + " " + uri + " is on this machine and no staging server is set to"
        + " upload it to; set " + StagingSubmitKeys.URI.key() + " and " + StagingSubmitKeys.TOKEN_FILE.key()
        + " (see sparkube staging), use local://<path> for a file inside the image, or a remote URI (https://,"
        + " s3a://, gs://, abfss://)");
  }

  static Optional<String> primary(MainAppResource resource) {
    if (resource instanceof MainAppResource.JavaResource java) {
      return java.uri();
    }
    if (resource instanceof MainAppResource.PythonResource python) {
      return Optional.of(python.uri());
    }
    return Optional.of(((MainAppResource.RResource) resource).uri());
  }

  static String withoutFragment(String uri) {
    int hash = uri.indexOf('#');
    return hash < 0 ? uri : uri.substring(0, hash);
  }

  private static Optional<Path> local(String uri) {
    var bare = withoutFragment(uri);
    if (!bare.startsWith("file:")) {
      return Optional.empty();
    }
    return Optional.of(Path.of(URI.create(bare)));
  }

  private static Path checked(String where, String uri, Path path) {
    if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
      throw SparkubeException.invalidConfig(where + " " + uri + " is not a readable file on this machine;"
          + " check the path (nothing was uploaded or created)");
    }
    return path;
  }
}
