package io.sparkube.local.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionList;
import io.fabric8.kubernetes.client.server.mock.KubernetesAttributesExtractor;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesResponseComposer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.crud.AttributeSet;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * fabric8's CRUD dispatcher plus what a real API server does and Spark, kubectl and the node rely
 * on: server-side apply, a Pending status on new pods, {@code generateName} with a 5-character
 * suffix, the {@code status} subresource for built-in kinds, discovery, ownerReference garbage
 * collection and graceful pod deletion. In cluster mode ({@link ClusterMode}) also ServiceAccount
 * admission, TokenRequest, OIDC discovery and per-namespace defaults.
 *
 * <h2>Pod deletion protocol (for the node)</h2>
 * <ol>
 *   <li>A DELETE of a pod that no node runs (no {@code spec.nodeName}), that has ended (phase
 *       {@code Succeeded} or {@code Failed}), or with {@code gracePeriodSeconds=0} removes it at once:
 *       watchers see DELETED.</li>
 *   <li>Otherwise the pod stays, marked: {@code metadata.deletionTimestamp} (now + grace),
 *       {@code metadata.deletionGracePeriodSeconds} (the request's grace, else the pod's
 *       {@code terminationGracePeriodSeconds}, else 30) and the finalizer
 *       {@value Deletions#TERMINATION_FINALIZER}; watchers see MODIFIED. Further DELETEs with a
 *       positive grace change nothing.</li>
 *   <li>The node, seeing {@code deletionTimestamp}, sends SIGTERM, waits up to
 *       {@code deletionGracePeriodSeconds}, sends SIGKILL, may update the pod's status, and then
 *       finalizes with {@code DELETE ...?gracePeriodSeconds=0} (or DeleteOptions with it): the pod
 *       is removed (DELETED). A 404 there means the pod is already gone; that is fine.</li>
 *   <li>If nobody finalizes within grace + {@value Deletions#FINALIZE_SLACK_SECONDS} s, the API
 *       server removes the pod itself. So a node must also stop a pod's containers at once when it
 *       sees DELETED for a pod it still runs (e.g. {@code kubectl delete --force --grace-period=0}).</li>
 *   <li>Once a pod (or any object) is removed, its dependents by ownerReference are deleted the same
 *       way; dependent pods that a node runs go through steps 2-4 themselves.</li>
 * </ol>
 */
public class LocalApiDispatcher extends KubernetesCrudDispatcher {
  private static final String APPLY_PATCH = "application/apply-patch+yaml";
  private static final String PODS_COLLECTION = "/pods";
  private static final String CRDS = "/apis/apiextensions.k8s.io/v1/customresourcedefinitions";

  private final ClusterMode cluster;
  private final Discovery discovery = new Discovery(this::storedCrds);
  // Reads go through the index, under this lock; fabric8's own lock is private to it.
  private final StoreIndex index = new StoreIndex();
  private final ReentrantReadWriteLock indexLock = new ReentrantReadWriteLock();
  private final AtomicLong lastVersion = new AtomicLong();
  private final Deletions deletions;

  /** The plain store for API-level tests: no admission, no defaults, nothing seeded. */
  public LocalApiDispatcher() {
    this(null, Clock.systemUTC());
  }

  LocalApiDispatcher(ClusterMode cluster, Clock clock) {
    this.cluster = cluster;
    this.deletions = new Deletions(new StoreView(), clock);
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    var path = withoutQuery(request.getPath());
    var method = request.method();
    if (method == HttpMethod.GET) {
      var answer = cluster != null ? cluster.publicDocument(path) : null;
      answer = answer != null ? answer : discovery.answer(path);
      if (answer != null) {
        return answer;
      }
    }
    if (cluster != null && method == HttpMethod.POST && TokenRequests.PATH.matcher(path).matches()) {
      return cluster.tokenRequest(path, request.getUtf8Body(), p -> find(p).map(StoredObject::resource));
    }
    if (method == HttpMethod.DELETE) {
      var body = request.getBody() == null ? null : request.getUtf8Body();
      return deletions.delete(isCollection(path) ? request.getPath() : path, isCollection(path), body,
          query(request.getPath()));
    }
    var response = super.dispatch(request);
    if (method == HttpMethod.PUT || method == HttpMethod.PATCH) {
      deletions.collectGarbage();
    }
    if (method == HttpMethod.GET && response != null && response.code() == 200
        && Tables.wanted(request.getHeader("Accept")) && response.getWebSocketListener() == null) {
      return ApiStatus.json(200, Tables.of(new String(response.getBody().getBytes(), StandardCharsets.UTF_8)));
    }
    return response;
  }

  @Override
  public MockResponse handleCreate(RecordedRequest request) {
    var path = withoutQuery(request.getPath());
    if (request.method() != HttpMethod.POST) {
      return super.handleCreate(request);
    }
    var object = Serialization.unmarshal(request.getUtf8Body(), GenericKubernetesResource.class);
    NewObjects.nameFromGenerateName(object);
    var namespace = namespaceOf(path);
    if (cluster != null && namespace != null && find("/api/v1/namespaces/" + namespace).isEmpty()) {
      // kube-apiserver's NamespaceLifecycle admission: nothing is created in a namespace that does not exist.
      return ApiStatus.response(404, "NotFound", "namespaces \"" + namespace + "\" not found");
    }
    if ("Namespace".equals(object.getKind())) {
      NewObjects.withStatusPhase(object, "Active");
    }
    if (path.endsWith(PODS_COLLECTION)) {
      NewObjects.withStatusPhase(object, "Pending");
      if (cluster != null) {
        var admitted = cluster.admitPod(object, namespace, p -> find(p).map(StoredObject::resource));
        if (admitted.code() != 200) {
          return admitted;
        }
        object = Serialization.unmarshal(admitted.getBody().readUtf8(), GenericKubernetesResource.class);
      }
    }
    var response = super.handleCreate(withBody(request, path, Serialization.asJson(object)));
    if (cluster != null && response.code() == 201 && "Namespace".equals(object.getKind())) {
      var name = object.getMetadata().getName();
      cluster.namespaceDefaults(name).forEach(o -> super.handleCreate(withBody(request, o.path(),
          Serialization.asJson(o.resource()))));
    }
    return response;
  }

  @Override
  public MockResponse handlePatch(RecordedRequest request) {
    var contentType = request.getHeader("Content-Type");
    if (contentType == null || !contentType.startsWith(APPLY_PATCH)) {
      return super.handlePatch(request);
    }
    // An apply body is YAML (JSON is a subset of it); the store holds JSON.
    var json = Serialization.asJson(Serialization.unmarshal(request.getUtf8Body(), GenericKubernetesResource.class));
    var itemPath = withoutQuery(request.getPath());
    var existing = handleGet(itemPath);
    if (existing.code() == 404) {
      var collection = itemPath.substring(0, itemPath.lastIndexOf('/'));
      return handleCreate(jsonRequest(HttpMethod.POST, collection, "application/json", json));
    }
    // Approximation: with one field manager applying whole objects, apply equals a merge patch.
    var merged = MergePatch.apply(Serialization.unmarshal(existing.getBody().readUtf8(), JsonNode.class),
        Serialization.unmarshal(json, JsonNode.class));
    return super.handleUpdate(jsonRequest(HttpMethod.PUT, itemPath, "application/json", Serialization.asJson(merged)));
  }

  /** Built-in kinds keep their status out of reach of a plain update, as CRDs with a status subresource do. */
  @Override
  public boolean isStatusSubresourceEnabledForResource(String path) {
    var parts = ((KubernetesAttributesExtractor) attributeExtractor).fromKubernetesPath(path);
    boolean item = parts.get(KubernetesAttributesExtractor.NAME) != null;
    return super.isStatusSubresourceEnabledForResource(path)
        || (item && BuiltInResources.WITH_STATUS_SUBRESOURCE.contains(parts.get(KubernetesAttributesExtractor.PLURAL)));
  }

  @Override
  public void processEvent(String path, AttributeSet pathAttributes, AttributeSet oldAttributes,
      GenericKubernetesResource resource, String newState) {
    var old = newState == null && oldAttributes != null ? map.get(oldAttributes) : null;
    indexLock.writeLock().lock();
    try {
      super.processEvent(path, pathAttributes, oldAttributes, resource, newState);
      if (oldAttributes != null) {
        index.remove(oldAttributes);
      }
      if (newState != null) {
        var stored = resource != null ? resource : Serialization.unmarshal(newState, GenericKubernetesResource.class);
        index.add(storedKey(pathAttributes, resource, newState), ownerUids(stored));
      }
    } finally {
      indexLock.writeLock().unlock();
    }
    if (old != null) {
      var gone = Serialization.unmarshal(old, GenericKubernetesResource.class).getMetadata();
      deletions.removed(gone.getUid(), gone.getNamespace());
    }
  }

  /** The key fabric8's store files a new state under, worked out as its processEvent does. */
  private AttributeSet storedKey(AttributeSet pathAttributes, GenericKubernetesResource resource, String newState) {
    var extractor = (KubernetesAttributesExtractor) attributeExtractor;
    var key = resource != null ? extractor.extract(resource) : extractor.fromResource(newState);
    return key.containsKey(KubernetesAttributesExtractor.PLURAL) ? key : AttributeSet.merge(pathAttributes, key);
  }

  private static List<String> ownerUids(GenericKubernetesResource resource) {
    var owners = resource.getMetadata() == null ? null : resource.getMetadata().getOwnerReferences();
    return owners == null ? List.of() : owners.stream().map(o -> o.getUid()).filter(uid -> uid != null).toList();
  }

  /** A get or list answered from the index's candidates, as fabric8's store would answer it. */
  @Override
  public MockResponse handleGet(String path) {
    var query = attributeExtractor.fromPath(path);
    if (path.contains("watch=true")) {
      return super.handleGet(path);
    }
    List<String> items;
    indexLock.readLock().lock();
    try {
      var candidates = index.candidates(query);
      if (candidates.isEmpty()) {
        return super.handleGet(path);
      }
      items = candidates.get().stream().filter(key -> key.matches(query)).map(map::get).filter(json -> json != null)
          .toList();
    } finally {
      indexLock.readLock().unlock();
    }
    if (StoreIndex.name(query).isPresent()) {
      return items.isEmpty() ? new MockResponse().setResponseCode(404)
          : new MockResponse().setResponseCode(200).setBody(items.get(0));
    }
    return new MockResponse().setResponseCode(200)
        .setBody(((KubernetesResponseComposer) responseComposer).compose(items, Long.toString(latestVersion())));
  }

  /** Every version handed out passes here, so a list can say which version it reflects. */
  @Override
  public long requestResourceVersion() {
    long version = super.requestResourceVersion();
    lastVersion.accumulateAndGet(version, Math::max);
    return version;
  }

  private long latestVersion() {
    return lastVersion.get();
  }

  @Override
  public Map.Entry<AttributeSet, String> findResource(AttributeSet attributes) {
    indexLock.readLock().lock();
    try {
      var candidates = index.candidates(attributes);
      if (candidates.isEmpty()) {
        return super.findResource(attributes);
      }
      return candidates.get().stream().filter(key -> key.matches(attributes)).findFirst()
          .map(key -> Map.entry(key, map.get(key))).orElse(null);
    } finally {
      indexLock.readLock().unlock();
    }
  }

  /** Creates an object as a client would (admission, defaults and all); for seeding the cluster. */
  MockResponse create(String collectionPath, String json) {
    return handleCreate(jsonRequest(HttpMethod.POST, collectionPath, "application/json", json));
  }

  @Override
  public void shutdown() {
    deletions.close();
    super.shutdown();
  }

  Optional<StoredObject> find(String itemPath) {
    return json(itemPath).map(json -> new StoredObject(itemPath,
        Serialization.unmarshal(json, GenericKubernetesResource.class)));
  }

  /** The stored object or list at {@code path}, as JSON, straight from the store; empty when there is none. */
  Optional<String> json(String path) {
    var response = handleGet(path);
    if (response.code() != 200 || response.getBody() == null) {
      return Optional.empty();
    }
    return Optional.of(new String(response.getBody().getBytes(), StandardCharsets.UTF_8));
  }

  private List<StoredObject> stored() {
    List<Map.Entry<AttributeSet, String>> entries;
    synchronized (map) {
      entries = new ArrayList<>(map.entrySet());
    }
    return entries.stream().map(StoredObject::of).toList();
  }

  private List<CustomResourceDefinition> storedCrds() {
    return json(CRDS).map(list -> Serialization.unmarshal(list, CustomResourceDefinitionList.class).getItems())
        .orElse(List.of());
  }

  private boolean isCollection(String path) {
    return ((KubernetesAttributesExtractor) attributeExtractor).fromKubernetesPath(path)
        .get(KubernetesAttributesExtractor.NAME) == null;
  }

  private String namespaceOf(String path) {
    return ((KubernetesAttributesExtractor) attributeExtractor).fromKubernetesPath(path)
        .get(KubernetesAttributesExtractor.NAMESPACE);
  }

  /** The store as {@link Deletions} sees it; removals go through the CRUD store so watchers hear of them. */
  private final class StoreView implements Deletions.Store {
    @Override
    public Optional<StoredObject> find(String itemPath) {
      return LocalApiDispatcher.this.find(itemPath);
    }

    @Override
    public List<StoredObject> all() {
      return stored();
    }

    @Override
    public List<StoredObject> withOwner(String uid) {
      List<Map.Entry<AttributeSet, String>> entries = new ArrayList<>();
      indexLock.readLock().lock();
      try {
        for (var key : index.dependentsOf(uid)) {
          var json = map.get(key);
          if (json != null) {
            entries.add(Map.entry(key, json));
          }
        }
      } finally {
        indexLock.readLock().unlock();
      }
      return entries.stream().map(StoredObject::of).toList();
    }

    @Override
    public List<StoredObject> list(String collectionPath) {
      var response = handleGet(collectionPath);
      if (response.code() != 200 || response.getBody() == null) {
        return List.of();
      }
      var list = Serialization.unmarshal(new String(response.getBody().getBytes(), StandardCharsets.UTF_8),
          io.fabric8.kubernetes.api.model.GenericKubernetesResourceList.class);
      var parts = ((KubernetesAttributesExtractor) attributeExtractor).fromKubernetesPath(collectionPath);
      var plural = parts.get(KubernetesAttributesExtractor.PLURAL);
      return list.getItems().stream()
          .map(item -> new StoredObject(StoredObject.path(item, plural), item)).toList();
    }

    @Override
    public MockResponse remove(String itemPath) {
      return LocalApiDispatcher.super.handleDelete(itemPath);
    }

    @Override
    public MockResponse jsonPatch(String itemPath, String json) {
      return LocalApiDispatcher.super.handlePatch(
          jsonRequest(HttpMethod.PATCH, itemPath, "application/json-patch+json", json));
    }
  }

  private static RecordedRequest withBody(RecordedRequest original, String path, String json) {
    return new RecordedRequest("HTTP/1.1", HttpMethod.POST, path + queryString(original.getPath()),
        original.getHeaders(), new Buffer(json.getBytes(StandardCharsets.UTF_8)));
  }

  private static RecordedRequest jsonRequest(HttpMethod method, String path, String contentType, String json) {
    var headers = Headers.builder().add("Content-Type", contentType).build();
    return new RecordedRequest("HTTP/1.1", method, path, headers, new Buffer(json.getBytes(StandardCharsets.UTF_8)));
  }

  protected static String withoutQuery(String path) {
    var q = path.indexOf('?');
    return q < 0 ? path : path.substring(0, q);
  }

  private static String queryString(String path) {
    var q = path.indexOf('?');
    return q < 0 ? "" : path.substring(q);
  }

  private static Map<String, String> query(String path) {
    var params = new HashMap<String, String>();
    var query = queryString(path);
    for (var pair : query.isEmpty() ? new String[0] : query.substring(1).split("&")) {
      var eq = pair.indexOf('=');
      if (eq > 0) {
        params.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return params;
  }
}
