package io.sparkube.submit.driver;

import io.sparkube.model.SparkLine;
import io.sparkube.submit.driver.order.ScalaProduct;
import java.util.Optional;

/**
 * The KubernetesVolumeSpec case class value (with its volumeConf) that Spark builds for a
 * VolumeSpec, field for field in each line's declaration order. Spark collects the specs in a
 * Scala Set, so with more than four volumes their order is that of this value's hash.
 */
final class SparkVolumeValue {
  private SparkVolumeValue() {}

  static ScalaProduct of(VolumeSpec spec, SparkLine line) {
    boolean since40 = line.atLeast(SparkLine.V4_0);
    var volumeConf = volumeConf(spec.source(), since40);
    return since40
        ? ScalaProduct.of("KubernetesVolumeSpec", spec.name(), spec.mountPath(), spec.subPath(), spec.subPathExpr(),
            spec.readOnly(), volumeConf)
        : ScalaProduct.of("KubernetesVolumeSpec", spec.name(), spec.mountPath(), spec.subPath(), spec.readOnly(),
            volumeConf);
  }

  private static ScalaProduct volumeConf(VolumeSpec.Source source, boolean since40) {
    if (source instanceof VolumeSpec.HostPath h) {
      return since40
          ? ScalaProduct.of("KubernetesHostPathVolumeConf", h.path(), h.type())
          : ScalaProduct.of("KubernetesHostPathVolumeConf", h.path());
    } else if (source instanceof VolumeSpec.Pvc p) {
      // 4.0 always passes the label and annotation maps, possibly empty, as Some(map).
      return since40
          ? ScalaProduct.of("KubernetesPVCVolumeConf", p.claimName(), p.storageClass(), p.size(),
              Optional.of(p.labels()), Optional.of(p.annotations()))
          : ScalaProduct.of("KubernetesPVCVolumeConf", p.claimName(), p.storageClass(), p.size());
    } else if (source instanceof VolumeSpec.EmptyDir e) {
      return ScalaProduct.of("KubernetesEmptyDirVolumeConf", e.medium(), e.sizeLimit());
    } else if (source instanceof VolumeSpec.Nfs n) {
      return ScalaProduct.of("KubernetesNFSVolumeConf", n.path(), n.server());
    }
    throw new IllegalArgumentException("unknown volume source " + source);
  }
}
