package io.sparkube.submit.doctor;

import io.fabric8.kubernetes.api.model.Pod;
import io.sparkube.model.SparkLine;
import io.sparkube.model.config.Conf;
import io.sparkube.submit.identity.IdentityBinding;
import java.util.List;
import java.util.Optional;

/**
 * What the doctor examines: a ServiceAccount in a namespace, the identity it should carry, the
 * settings that decide the driver's API calls, and, for a job, its live pods.
 *
 * @param rbacBySubmit whether each submission creates the driver's Role (so the account itself
 *     needs no standing access, and the submitter must be able to grant it)
 * @param driver the job's driver pod, when a job was named
 */
public record DoctorSubject(
    String namespace, String serviceAccount, Optional<IdentityBinding> binding, SparkLine line, Conf conf,
    boolean rbacBySubmit, Optional<Pod> driver, List<Pod> executors) {

  public DoctorSubject {
    executors = List.copyOf(executors);
  }

  public String user() {
    return "system:serviceaccount:" + namespace + ":" + serviceAccount;
  }

  public List<String> groups() {
    return List.of("system:serviceaccounts", "system:serviceaccounts:" + namespace, "system:authenticated");
  }
}
