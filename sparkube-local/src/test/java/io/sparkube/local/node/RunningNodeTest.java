package io.sparkube.local.node;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** Base of the tests that need a started node with fast restart settings, fresh for each test. */
abstract class RunningNodeTest {
  @TempDir
  Path dir;
  NodeFixture cluster;

  @BeforeEach
  void startNode() throws Exception {
    cluster = new NodeFixture(dir, NodeFixture.fastSettings());
    cluster.node.start();
  }

  @AfterEach
  void stopNode() {
    cluster.close();
  }
}
