package io.sparkube.submit.driver.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ImmutableHashOrderTest {
  // Improved hashes: a and b share slot 2 at the root and part at the next level; c is alone in slot 3.
  private static final Map<String, Integer> IMPROVED = Map.of("a", 2, "b", 2 | (1 << 5), "c", 3);

  @Test
  void upToFourElementsKeepInsertionOrder() {
    for (var scala : ScalaVersion.values()) {
      assertThat(ImmutableHashOrder.of(scala).order(List.of("d", "c", "b", "a"), String::hashCode))
          .containsExactly("d", "c", "b", "a");
    }
  }

  @Test
  void scala212WalksSlotsInOrderDescendingWhereItMeetsASubTrie() {
    assertThat(new HashTrieOrder().byImprovedHash(List.of("c", "b", "a"), IMPROVED::get))
        .containsExactly("a", "b", "c");
  }

  @Test
  void scala213YieldsANodesOwnElementsBeforeItsSubNodes() {
    assertThat(new ChampOrder().byImprovedHash(List.of("c", "b", "a"), IMPROVED::get))
        .containsExactly("c", "a", "b");
  }

  @Test
  void equalHashesKeepInsertionOrder() {
    for (var scala : ScalaVersion.values()) {
      assertThat(ImmutableHashOrder.of(scala).byImprovedHash(List.of("y", "x"), e -> 7)).containsExactly("y", "x");
    }
  }
}
