package io.sparkube.local.api;

import io.fabric8.kubernetes.api.model.DeleteOptions;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.http.MockResponse;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * DELETE as the local cluster does it: graceful pod termination, namespaces emptied with them, and
 * ownerReference garbage collection (background propagation; {@code Orphan} keeps dependents).
 * See {@link LocalApiDispatcher} for the pod termination protocol the node follows.
 */
final class Deletions implements AutoCloseable {
  /** Holds a terminating pod in the store until the node (or the timeout) finalizes it. */
  static final String TERMINATION_FINALIZER = "sparkube.io/pod-termination";
  /** How long past its grace period a terminating pod waits for the node before it is removed anyway. */
  static final long FINALIZE_SLACK_SECONDS = 5;
  private static final long DEFAULT_GRACE_SECONDS = 30;

  interface Store {
    Optional<StoredObject> find(String itemPath);

    List<StoredObject> all();

    /** The objects naming {@code uid} among their owners. */
    List<StoredObject> withOwner(String uid);

    /** Items matching a collection path (with its query, e.g. a label selector). */
    List<StoredObject> list(String collectionPath);

    MockResponse remove(String itemPath);

    /** A JSON patch (RFC 6902): precise on arrays, where a merge patch through the store appends. */
    MockResponse jsonPatch(String itemPath, String json);
  }

  private record Removed(String uid, String namespace) {}

  private final Store store;
  private final Clock clock;
  private final Queue<Removed> removed = new ConcurrentLinkedQueue<>();
  private final Set<String> orphaning = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService timeouts = Executors.newSingleThreadScheduledExecutor(r -> {
    var thread = new Thread(r, "local-api-pod-termination");
    thread.setDaemon(true);
    return thread;
  });

  Deletions(Store store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** Called by the store for every object that leaves it, however it left. */
  void removed(String uid, String namespace) {
    if (uid != null && !orphaning.remove(uid)) {
      removed.add(new Removed(uid, namespace));
    }
  }

  synchronized MockResponse delete(String path, boolean collection, String body, Map<String, String> query) {
    var options = options(body, query);
    if (collection) {
      var items = store.list(path);
      items.forEach(item -> deleteOne(item.path(), options));
      collectGarbage();
      return ApiStatus.json(200, "{\"kind\":\"List\",\"apiVersion\":\"v1\",\"metadata\":{},\"items\":"
          + Serialization.asJson(items.stream().map(StoredObject::resource).toList()) + "}");
    }
    var response = deleteOne(path, options);
    collectGarbage();
    return response;
  }

  /** Deletes the dependents of everything removed so far, and theirs, until nothing is left orphaned. */
  synchronized void collectGarbage() {
    for (var owner = removed.poll(); owner != null; owner = removed.poll()) {
      for (var dependent : GarbageCollector.dependents(owner.uid(), owner.namespace(), store.withOwner(owner.uid()))) {
        deleteOne(dependent.path(), new DeleteOptions());
      }
    }
  }

  private MockResponse deleteOne(String path, DeleteOptions options) {
    var found = store.find(path);
    if (found.isEmpty()) {
      return ApiStatus.response(404, "NotFound", path + " not found");
    }
    var object = found.get();
    if ("Orphan".equals(options.getPropagationPolicy())) {
      orphaning.add(object.uid());
    }
    if ("Namespace".equals(object.resource().getKind())) {
      var name = object.resource().getMetadata().getName();
      store.all().stream().filter(o -> name.equals(o.namespace())).forEach(o -> deleteOne(o.path(), options));
    }
    if (object.isPod()) {
      return PodTermination.of(object, options.getGracePeriodSeconds(), DEFAULT_GRACE_SECONDS)
          .map(termination -> terminate(object, termination))
          .orElseGet(() -> finalizePod(object));
    }
    return store.remove(path);
  }

  private MockResponse terminate(StoredObject pod, PodTermination termination) {
    if (termination.alreadyTerminating()) {
      return ApiStatus.json(200, Serialization.asJson(pod.resource()));
    }
    var deadline = clock.instant().plusSeconds(termination.graceSeconds()).truncatedTo(ChronoUnit.SECONDS);
    var response = store.jsonPatch(pod.path(), termination.markPatch(deadline));
    timeouts.schedule(() -> finalizeIfStill(pod.path(), pod.uid()),
        termination.graceSeconds() + FINALIZE_SLACK_SECONDS, TimeUnit.SECONDS);
    return response;
  }

  private synchronized void finalizeIfStill(String path, String uid) {
    store.find(path).filter(p -> uid.equals(p.uid())).ifPresent(this::finalizePod);
    collectGarbage();
  }

  /** Removes a pod now: drops our finalizer if it holds one, else deletes it outright. */
  private MockResponse finalizePod(StoredObject pod) {
    var finalizers = pod.resource().getMetadata().getFinalizers();
    int ours = finalizers == null ? -1 : finalizers.indexOf(TERMINATION_FINALIZER);
    if (ours >= 0) {
      var response = store.jsonPatch(pod.path(), "[{\"op\":\"remove\",\"path\":\"/metadata/finalizers/" + ours + "\"}]");
      return finalizers.size() == 1 ? ApiStatus.json(200, Serialization.asJson(pod.resource())) : response;
    }
    return store.remove(pod.path());
  }

  private static DeleteOptions options(String body, Map<String, String> query) {
    var options = body == null || body.isBlank() ? new DeleteOptions()
        : Serialization.unmarshal(body, DeleteOptions.class);
    var grace = query.get("gracePeriodSeconds");
    if (grace != null && grace.matches("-?\\d{1,9}")) {
      options.setGracePeriodSeconds(Long.parseLong(grace));
    }
    if (query.get("propagationPolicy") != null) {
      options.setPropagationPolicy(query.get("propagationPolicy"));
    }
    return options;
  }

  @Override
  public void close() {
    timeouts.shutdownNow();
  }
}
