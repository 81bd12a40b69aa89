package io.sparkube.local.node;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A pod's /etc/hosts. It stands in for cluster DNS (there is none here, and Java is told to use
 * only this file): the API server's names, the pod's own name, and every Service with a ready
 * backing pod.
 */
final class HostsFile {
  static final String API_SERVER_IP = "127.0.0.1";
  private final Map<String, String> nameToIp = new LinkedHashMap<>();

  HostsFile(String machineHostname, String podHostname, String podIp) {
    add("localhost", API_SERVER_IP);
    add(machineHostname, API_SERVER_IP);
    add("kubernetes", API_SERVER_IP);
    add("kubernetes.default", API_SERVER_IP);
    add("kubernetes.default.svc", API_SERVER_IP);
    add("kubernetes.default.svc.cluster.local", API_SERVER_IP);
    // As in a Kubernetes pod, the pod's own hostname is its address, not loopback.
    add(podHostname, podIp);
  }

  /** The names a service gets from cluster DNS; the bare name only within its own namespace. */
  HostsFile service(String name, String namespace, String ip, boolean sameNamespace) {
    if (sameNamespace) {
      add(name, ip);
    }
    add(name + "." + namespace, ip);
    add(name + "." + namespace + ".svc", ip);
    add(name + "." + namespace + ".svc.cluster.local", ip);
    return this;
  }

  private void add(String name, String ip) {
    nameToIp.putIfAbsent(name, ip);
  }

  String render() {
    var out = new StringBuilder("# Written by the sparkube local node; rewritten as services and pods change.\n");
    nameToIp.forEach((name, ip) -> out.append(ip).append('\t').append(name).append('\n'));
    return out.toString();
  }
}
