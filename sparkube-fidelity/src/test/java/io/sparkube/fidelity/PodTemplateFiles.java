package io.sparkube.fidelity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Pod template files for the cases that use them, written once to a temporary directory. */
final class PodTemplateFiles {
  static final Path DIR = createDir();
  static final Path DRIVER = write("driver-template.yaml", """
      apiVersion: v1
      kind: Pod
      metadata:
        labels:
          team: data-platform
        annotations:
          cluster-autoscaler.kubernetes.io/safe-to-evict: "false"
      spec:
        priorityClassName: spark-high
        tolerations:
          - key: dedicated
            operator: Equal
            value: spark
            effect: NoSchedule
        securityContext:
          runAsUser: 185
          fsGroup: 185
        initContainers:
          - name: wait-for-metastore
            image: busybox:1.36
            command: ["sh", "-c", "until nc -z metastore 9083; do sleep 2; done"]
        containers:
          - name: spark-driver
            env:
              - name: FROM_TEMPLATE
                value: "yes"
            volumeMounts:
              - name: shared
                mountPath: /shared
          - name: log-shipper
            image: fluent/fluent-bit:3.0
        volumes:
          - name: shared
            emptyDir: {}
      """);
  static final Path EXECUTOR = write("executor-template.yaml", """
      apiVersion: v1
      kind: Pod
      metadata:
        labels:
          role: executor
      spec:
        nodeSelector:
          pool: spot
        containers:
          - name: spark-executor
            resources:
              limits:
                ephemeral-storage: 20Gi
      """);

  private PodTemplateFiles() {}

  private static Path createDir() {
    try {
      var dir = Files.createTempDirectory("sparkube-fidelity-templates");
      dir.toFile().deleteOnExit();
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path write(String name, String yaml) {
    try {
      var file = Files.writeString(DIR.resolve(name), yaml);
      file.toFile().deleteOnExit();
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
