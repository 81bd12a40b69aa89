package io.sparkube.submit.access;

import io.sparkube.model.SparkLine;
import io.sparkube.model.config.Conf;
import io.sparkube.submit.driver.DriverKeys;
import io.sparkube.submit.driver.VolumeSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Exactly what Spark's driver asks of the API server, read from the scheduler backend of each
 * line (3.5, 4.0, 4.1 use the same calls) and kept to what the job's settings switch on. Executors
 * make no API calls at all. Calls Spark makes but can do without (the probe for reusable PVCs,
 * clean-up that owner references also do) are granted only when the job needs them for real work.
 */
public final class DriverAccess {
  private static final String CORE = "";

  private DriverAccess() {}

  /** @throws io.sparkube.model.error.SparkubeException if a setting that decides the calls is malformed */
  public static List<AccessRule> rules(SparkLine line, Conf conf) {
    var rules = new ArrayList<AccessRule>();
    var podVerbs = new ArrayList<>(List.of("get", "list", "watch", "create", "delete", "deletecollection"));
    if (patchesPods(line, conf)) {
      podVerbs.add("patch");
    }
    rules.add(new AccessRule(CORE, "pods", podVerbs, "find its own pod, then create, watch, poll and delete"
        + " executors"));
    if (!conf.get(AccessKeys.DISABLE_CONFIG_MAP)) {
      rules.add(new AccessRule(CORE, "configmaps", conf.get(AccessKeys.DELETE_EXECUTORS)
          ? List.of("create", "deletecollection") : List.of("create"), "the executors' ConfigMap"));
    }
    if (conf.get(AccessKeys.DELETE_DRIVER_SERVICE)) {
      rules.add(new AccessRule(CORE, "services", List.of("deletecollection"), "delete its own Service at the end"));
    }
    var ownsClaims = conf.get(AccessKeys.OWN_PVC);
    var claimVerbs = new ArrayList<String>();
    if (ownsClaims && conf.get(AccessKeys.REUSE_PVC)) {
      claimVerbs.add("list");
    }
    if (createsClaims(conf, line)) {
      claimVerbs.add("create");
    }
    if (ownsClaims) {
      claimVerbs.add("deletecollection");
    }
    if (!claimVerbs.isEmpty()) {
      rules.add(new AccessRule(CORE, "persistentvolumeclaims", claimVerbs,
          "on-demand executor volumes: reuse, create and delete the claims the driver owns"));
    }
    if (conf.get(AccessKeys.POD_ALLOCATOR).equals("statefulset")) {
      rules.add(new AccessRule("apps", "statefulsets", List.of("get", "create", "delete"),
          "the statefulset pod allocator"));
      rules.add(new AccessRule("apps", "statefulsets/scale", List.of("get", "update"), "scaling executors"));
    }
    return rules;
  }

  /**
   * The job's conf with Spark's claim bookkeeping off when it has no on-demand claims: by default
   * the driver lists claims to reuse and deletes "its" claims at the end even when it made none,
   * which would need list and deletecollection on every claim in the namespace. Off, it makes
   * neither call; nothing else changes, as there are no claims of its own. A value the user gave wins.
   */
  public static Conf withoutUnusedClaimCalls(SparkLine line, Conf conf) {
    if (createsClaims(conf, line) || conf.contains(AccessKeys.OWN_PVC)) {
      return conf;
    }
    return conf.with(AccessKeys.OWN_PVC.key(), "false");
  }

  /** What the rules cannot know, for the user to read. */
  public static List<String> caveats(Conf conf) {
    var allocator = conf.get(AccessKeys.POD_ALLOCATOR);
    return allocator.equals("direct") || allocator.equals("statefulset") ? List.of()
        : List.of(AccessKeys.POD_ALLOCATOR.key() + "=" + allocator + " is custom code, so the driver's Role grants"
            + " what Spark's direct allocator needs; pass --no-rbac and grant what it needs if that is not enough");
  }

  /** Spark patches pods to label kept executors, mark decommissioning ones, or record an exit. */
  private static boolean patchesPods(SparkLine line, Conf conf) {
    return !conf.get(AccessKeys.DELETE_EXECUTORS)
        || conf.getOptional(AccessKeys.DECOMMISSION_LABEL).isPresent()
        || conf.get(AccessKeys.POD_ALLOCATOR).equals("statefulset")
        || (line.atLeast(SparkLine.V4_1) && conf.get(AccessKeys.ANNOTATE_EXIT_EXCEPTION));
  }

  private static boolean createsClaims(Conf conf, SparkLine line) {
    return VolumeSpec.parse(conf, DriverKeys.EXECUTOR_VOLUMES_PREFIX, line).stream()
        .anyMatch(spec -> spec.source() instanceof VolumeSpec.Pvc pvc
            && pvc.claimName().toLowerCase(Locale.ROOT).equals("ondemand"));
  }
}
