package io.sparkube.submit.driver.steps;

import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.ContainerPortBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServicePortBuilder;
import io.sparkube.model.SparkLine;
import io.sparkube.model.config.ValueType;
import io.sparkube.submit.driver.DriverConf;
import io.sparkube.submit.driver.DriverKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The driver's ports. The pod and the Service read the block manager port differently (the pod
 * falls back to spark.blockManager.port, the Service does not); both are kept as Spark has them.
 */
record DriverPorts(int driver, int podBlockManager, int serviceBlockManager, int ui, Optional<Integer> connect) {
  static final int DEFAULT_BLOCK_MANAGER_PORT = 7079;

  static DriverPorts of(DriverConf conf) {
    var c = conf.conf();
    int serviceBlockManager = c.getOptional(DriverKeys.DRIVER_BLOCK_MANAGER_PORT).orElse(DEFAULT_BLOCK_MANAGER_PORT);
    int podBlockManager = c.raw(DriverKeys.DRIVER_BLOCK_MANAGER_PORT.key())
        .map(raw -> ValueType.read(ValueType.INT, DriverKeys.DRIVER_BLOCK_MANAGER_PORT.key(), raw))
        .orElseGet(() -> c.getOptional(DriverKeys.BLOCK_MANAGER_PORT).orElse(DEFAULT_BLOCK_MANAGER_PORT));
    Optional<Integer> connect = conf.line().atLeast(SparkLine.V4_1)
        ? Optional.of(c.get(DriverKeys.CONNECT_GRPC_PORT))
        : Optional.empty();
    return new DriverPorts(c.get(DriverKeys.DRIVER_PORT), podBlockManager, serviceBlockManager,
        c.get(DriverKeys.UI_PORT), connect);
  }

  List<ContainerPort> containerPorts() {
    var ports = new ArrayList<ContainerPort>();
    ports.add(containerPort("driver-rpc-port", driver));
    ports.add(containerPort("blockmanager", podBlockManager));
    ports.add(containerPort("spark-ui", ui));
    connect.ifPresent(p -> ports.add(containerPort("spark-connect", p)));
    return ports;
  }

  List<ServicePort> servicePorts() {
    var ports = new ArrayList<ServicePort>();
    ports.add(servicePort("driver-rpc-port", driver));
    ports.add(servicePort("blockmanager", serviceBlockManager));
    ports.add(servicePort("spark-ui", ui));
    connect.ifPresent(p -> ports.add(servicePort("spark-connect", p)));
    return ports;
  }

  private static ContainerPort containerPort(String name, int port) {
    return new ContainerPortBuilder().withName(name).withContainerPort(port).withProtocol("TCP").build();
  }

  private static ServicePort servicePort(String name, int port) {
    return new ServicePortBuilder().withName(name).withPort(port).withTargetPort(new IntOrString(port)).build();
  }
}
