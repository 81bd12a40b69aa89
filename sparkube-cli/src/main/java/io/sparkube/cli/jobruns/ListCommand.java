package io.sparkube.cli.jobruns;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.sparkube.cli.Terminal;
import io.sparkube.jobruns.wire.JobRunView;
import io.sparkube.jobruns.wire.Results;
import io.sparkube.resources.JobRunState;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sparkube jobs list}: ListJobRuns, newest first, following nextToken across pages. */
@Command(name = "list", mixinStandardHelpOptions = true,
    description = "List job runs of the virtual cluster, newest first: id, name, state and creation time.")
final class ListCommand extends JobRunsCommand {
  /** The API answers a larger maxResults with pages this large. */
  private static final int LARGEST_PAGE = 500;

  @Option(names = "--state", paramLabel = "STATE", split = ",",
      description = "only runs in these states (repeatable, or comma-separated): ${COMPLETION-CANDIDATES}")
  List<JobRunState> states = new ArrayList<>();

  @Option(names = "--max", paramLabel = "N", defaultValue = "50",
      description = "at most N runs; default ${DEFAULT-VALUE}")
  int max;

  private final int pageSize;

  ListCommand(Terminal terminal) {
    this(terminal, LARGEST_PAGE);
  }

  ListCommand(Terminal terminal, int pageSize) {
    super(terminal);
    this.pageSize = pageSize;
  }

  /** The runs of every page read, read and as sent, and the token that goes on from the last one. */
  private record Listing(List<JobRunView> runs, List<JsonNode> asSent, Optional<String> nextToken) {}

  @Override
  void checkFlags() {
    if (max < 1) {
      throw badFlag("--max takes 1 or more, not " + max);
    }
  }

  @Override
  int run(JobRunsClient client) throws InterruptedException {
    var listing = list(client);
    if (json()) {
      // The pages' runs as the API sent them, in one answer of ListJobRuns' shape.
      var all = JsonNodeFactory.instance.objectNode();
      all.putArray("jobRuns").addAll(listing.asSent());
      listing.nextToken().ifPresent(token -> all.put("nextToken", token));
      terminal.out().println(all);
    } else {
      JobRunText.table(listing.runs()).forEach(terminal.out()::println);
    }
    return 0;
  }

  private Listing list(JobRunsClient client) throws InterruptedException {
    var listing = new Listing(new ArrayList<>(), new ArrayList<>(), Optional.empty());
    do {
      // Only what is still wanted: a page is then never cut, and its nextToken goes on exactly where it ends.
      var wanted = Math.min(pageSize, max - listing.runs().size());
      var answer = client.list(states, wanted, listing.nextToken());
      var page = answer.as(Results.ListJobRuns.class);
      var runs = page.jobRuns() == null ? List.<JobRunView>of() : page.jobRuns();
      listing.runs().addAll(runs);
      answer.json().path("jobRuns").forEach(listing.asSent()::add);
      // An empty page that still has a token would otherwise be asked for again and again.
      listing = new Listing(listing.runs(), listing.asSent(),
          Optional.ofNullable(page.nextToken()).filter(token -> !runs.isEmpty()));
    } while (listing.nextToken().isPresent() && listing.runs().size() < max);
    return listing;
  }
}
