package io.sparkube.local.node;

import java.util.BitSet;

/**
 * Hands out loopback addresses 127.1.0.1 to 127.1.255.254, one per pod. Linux routes all of
 * 127.0.0.0/8 to the loopback interface, so each pod can bind the same ports on its own address;
 * 127.0.0.1 is never given out because the API server listens there.
 */
final class PodIpPool {
  private static final int SIZE = 1 << 16;
  private final BitSet used = new BitSet(SIZE);
  private int next = 1;

  synchronized String allocate() {
    for (int i = 0; i < SIZE; i++) {
      int candidate = (next + i) % SIZE;
      if (candidate == 0 || candidate == SIZE - 1 || used.get(candidate)) {
        continue;
      }
      used.set(candidate);
      // Round-robin, so a released address is not reused at once by the next pod.
      next = candidate + 1;
      return "127.1." + (candidate >> 8) + "." + (candidate & 0xff);
    }
    throw new IllegalStateException("all " + (SIZE - 2) + " pod addresses in 127.1.0.0/16 are in use");
  }

  synchronized void release(String ip) {
    var parts = ip.split("\\.");
    if (parts.length != 4 || !parts[0].equals("127") || !parts[1].equals("1")) {
      throw new IllegalArgumentException("not a pod address of this node: " + ip);
    }
    used.clear(Integer.parseInt(parts[2]) << 8 | Integer.parseInt(parts[3]));
  }
}
