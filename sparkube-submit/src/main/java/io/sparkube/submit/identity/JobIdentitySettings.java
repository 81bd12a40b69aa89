package io.sparkube.submit.identity;

import io.sparkube.model.SparkLine;
import io.sparkube.model.config.Conf;
import java.util.Optional;

/**
 * A job's identity and access settings, read and checked once, before anything is created.
 *
 * @param identity empty when the job names none (it then runs as Spark would, with no token)
 * @param injection auto, sparkube or webhook
 */
public record JobIdentitySettings(Optional<Identity> identity, String injection, boolean createRbac,
    HadoopRelease hadoop) {

  public static JobIdentitySettings read(Conf conf, SparkLine line) {
    var identity = conf.getOptional(IdentityKeys.IDENTITY)
        .map(value -> IdentityParser.parse("--identity", value));
    var hadoop = conf.getOptional(IdentityKeys.HADOOP_VERSION)
        .map(version -> HadoopRelease.parse(IdentityKeys.HADOOP_VERSION.key(), version))
        .orElseGet(() -> HadoopRelease.bundledWith(line));
    return new JobIdentitySettings(identity, conf.get(IdentityKeys.INJECTION), conf.get(IdentityKeys.CREATE_RBAC),
        hadoop);
  }

  public Optional<IdentityBinding> binding() {
    return identity.map(i -> IdentityBindings.of(i, hadoop));
  }
}
