package io.sparkube.submit.driver;

import java.util.Optional;

/**
 * Pod templates given as text rather than read from the files the conf names: what Sparkube
 * itself adds to a job (the identity's token volume) merged into the user's templates. When
 * present they replace the files' content, as if the user had written them.
 */
public record PodTemplateTexts(Optional<String> driver, Optional<String> executor) {
  public static final PodTemplateTexts NONE = new PodTemplateTexts(Optional.empty(), Optional.empty());
}
