package io.sparkube.resources;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** The CRDs of the control plane's resources, as the build generated them from these classes. */
public final class Crds {
  private static final List<String> FILES = List.of(
      "/META-INF/fabric8/sparkapplications.sparkube.io-v1.yml",
      "/META-INF/fabric8/virtualclusters.sparkube.io-v1.yml");

  private Crds() {}

  public static List<CustomResourceDefinition> all() {
    return FILES.stream().map(Crds::read).toList();
  }

  private static CustomResourceDefinition read(String file) {
    try (InputStream in = Crds.class.getResourceAsStream(file)) {
      if (in == null) {
        throw new IllegalStateException(file + " is missing from the class path; the CRD generator did not run");
      }
      return Serialization.unmarshal(in, CustomResourceDefinition.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
