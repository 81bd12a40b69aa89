package io.sparkube.submit.args;

import java.io.File;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns user-given paths into URIs as spark-submit does (Utils.resolveURI, resolveURIs and the
 * glob step of DependencyUtils.resolveGlobPaths): anything with a scheme is kept, anything else
 * becomes a file: URI against the submitting machine's working directory.
 */
public final class Uris {
  private final Path workingDir;

  Uris(Path workingDir) {
    this.workingDir = workingDir;
  }

  /** Utils.resolveURI, with the working directory of the SubmitEnvironment instead of user.dir. */
  URI resolve(String path) {
    try {
      var uri = new URI(path);
      if (uri.getScheme() != null) {
        return uri;
      }
      if (uri.getFragment() != null) {
        // A "#name" suffix renames the file on the cluster side; keep it on the absolute URI.
        var absolute = fileUri(uri.getPath());
        return new URI(absolute.getScheme(), absolute.getHost(), absolute.getPath(), uri.getFragment());
      }
    } catch (URISyntaxException e) {
      // Not a URI (e.g. a path with spaces): treat it as a plain path, as Spark does.
    }
    return fileUri(path);
  }

  /** Utils.resolveURIs: split on commas, drop blank entries (untrimmed), resolve each. */
  String resolveList(String paths) {
    if (paths == null || paths.trim().isEmpty()) {
      return "";
    }
    return Arrays.stream(paths.split(","))
        .filter(p -> !p.trim().isEmpty())
        .map(p -> resolve(p).toString())
        .collect(Collectors.joining(","));
  }

  /**
   * DependencyUtils.resolveGlobPaths for the URIs it keeps as they are: trimmed entries, each
   * resolved and rebuilt without, then with, its fragment. Spark would also expand globs on
   * Hadoop file systems; Sparkube refuses those earlier (see {@link RemoteOnlyDependencies}).
   */
  String normaliseList(String paths) {
    return splitTrimmed(paths).stream()
        .map(this::rebuild)
        .collect(Collectors.joining(","));
  }

  /** Utils.stringToSeq: split on commas, trim, drop empty entries. */
  public static List<String> splitTrimmed(String list) {
    return Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  private String rebuild(String path) {
    var uri = resolve(path);
    try {
      var base = new URI(uri.getScheme(), uri.getSchemeSpecificPart(), null).toString();
      return uri.getFragment() == null ? base : base + "#" + uri.getFragment();
    } catch (URISyntaxException e) {
      return uri.toString();
    }
  }

  private URI fileUri(String path) {
    // File.toURI gives Spark's "file:/abs/path" form (one slash), escaping as Spark does.
    var absolute = workingDir.resolve(path).normalize();
    return new File(absolute.toString()).toURI();
  }
}
