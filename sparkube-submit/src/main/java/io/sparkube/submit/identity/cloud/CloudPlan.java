package io.sparkube.submit.identity.cloud;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What a cloud needs so that a ServiceAccount's tokens can assume an identity.
 *
 * @param warnings reasons the plan may not work as printed, e.g. an issuer the cloud cannot reach
 */
public record CloudPlan(List<PlanSection> sections, List<String> warnings) {

  public CloudPlan {
    sections = List.copyOf(sections);
    warnings = List.copyOf(warnings);
  }

  public PlanSection section(String title) {
    return sections.stream().filter(s -> s.title().equals(title)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no section " + title + " in " + titles()));
  }

  public List<String> titles() {
    return sections.stream().map(PlanSection::title).toList();
  }

  /** Each section under a {@code ### title} line, which a shell also reads as a comment. */
  public String text() {
    return sections.stream().map(s -> "### " + s.title() + "\n" + s.text().stripTrailing() + "\n")
        .collect(Collectors.joining("\n"));
  }
}
