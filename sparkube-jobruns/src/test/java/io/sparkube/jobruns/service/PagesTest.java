package io.sparkube.jobruns.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PagesTest {
  record Item(String name, Instant createdAt) {}

  static final Instant T = Instant.parse("2030-01-01T00:00:00Z");

  @Test
  void pagesAreNewestFirstTiesByNameAndTheLastHasNoToken() {
    var items = List.of(new Item("a", T), new Item("b", T.plusSeconds(5)), new Item("c", T),
        new Item("d", T.plusSeconds(1)));

    var first = Pages.newestFirst(items, PagesTest::cursor, 3, Optional.empty());
    var second = Pages.newestFirst(items, PagesTest::cursor, 3, Optional.of(Pages.Cursor.ofToken(first.nextToken())));

    assertThat(first.items()).extracting(Item::name).containsExactly("b", "d", "c");
    assertThat(second.items()).extracting(Item::name).containsExactly("a");
    assertThat(second.nextToken()).isNull();
  }

  @Test
  void itemsCreatedBetweenPagesNeitherRepeatNorGoMissing() {
    var items = new ArrayList<>(List.of(new Item("a", T), new Item("b", T.plusSeconds(1)),
        new Item("c", T.plusSeconds(2))));
    var first = Pages.newestFirst(items, PagesTest::cursor, 2, Optional.empty());

    items.add(new Item("new", T.plusSeconds(9)));
    var second = Pages.newestFirst(items, PagesTest::cursor, 2, Optional.of(Pages.Cursor.ofToken(first.nextToken())));

    assertThat(first.items()).extracting(Item::name).containsExactly("c", "b");
    assertThat(second.items()).extracting(Item::name).containsExactly("a");
  }

  @Test
  void aTokenThisApiDidNotGiveIsRefused() {
    assertThatThrownBy(() -> Pages.Cursor.ofToken("bm90IGEgdG9rZW4")).hasMessageContaining("nextToken is not one");
    assertThatThrownBy(() -> Pages.Cursor.ofToken("%%%")).hasMessageContaining("nextToken is not one");
  }

  private static Pages.Cursor cursor(Item item) {
    return new Pages.Cursor(item.createdAt(), item.name());
  }
}
