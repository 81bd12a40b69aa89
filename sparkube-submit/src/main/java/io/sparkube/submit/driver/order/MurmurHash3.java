package io.sparkube.submit.driver.order;

/** The mixing steps of scala.util.hashing.MurmurHash3, identical in Scala 2.12 and 2.13. */
final class MurmurHash3 {
  static final int PRODUCT_SEED = 0xcafebabe;
  static final int MAP_SEED = "Map".hashCode();

  private MurmurHash3() {}

  static int mix(int hash, int data) {
    int h = mixLast(hash, data);
    h = Integer.rotateLeft(h, 13);
    return h * 5 + 0xe6546b64;
  }

  static int mixLast(int hash, int data) {
    int k = data;
    k *= 0xcc9e2d51;
    k = Integer.rotateLeft(k, 15);
    k *= 0x1b873593;
    return hash ^ k;
  }

  static int finalizeHash(int hash, int length) {
    int h = hash ^ length;
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    h ^= h >>> 16;
    return h;
  }
}
