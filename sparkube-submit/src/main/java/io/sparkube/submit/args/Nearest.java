package io.sparkube.submit.args;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;
import org.apache.commons.text.similarity.LevenshteinDistance;

/** Picks the closest known spelling for a mistyped flag or key, for "did you mean" hints. */
final class Nearest {
  private static final LevenshteinDistance DISTANCE = LevenshteinDistance.getDefaultInstance();

  private Nearest() {}

  /** The candidate with the smallest edit distance; ties go to the first in iteration order. */
  static Optional<String> to(String word, Collection<String> candidates) {
    return candidates.stream().min(Comparator.comparingInt(c -> DISTANCE.apply(word, c)));
  }
}
