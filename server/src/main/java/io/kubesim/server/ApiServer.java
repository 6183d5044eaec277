package io.kubesim.server;

import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.kubesim.certs.ClusterPki;
import io.kubesim.certs.PkiException;
import io.kubesim.certs.PkiLayout;
import io.kubesim.certs.PkiRequest;
import io.kubesim.server.discovery.DiscoveryDocuments;
import io.kubesim.server.http.ApiRouter;
import io.kubesim.server.http.ApiServices;
import io.kubesim.server.http.ApiVerticle;
import io.kubesim.server.http.VersionInfo;
import io.kubesim.server.metrics.ApiMetrics;
import io.kubesim.server.openapi.OpenApiDocuments;
import io.kubesim.server.openapi.SchemaSource;
import io.kubesim.server.proto.ProtobufBodies;
import io.kubesim.server.registry.GenericStore;
import io.kubesim.server.registry.MetadataValidator;
import io.kubesim.server.registry.NameGenerator;
import io.kubesim.server.registry.NamespaceLifecycle;
import io.kubesim.server.registry.ResourceDescriptor;
import io.kubesim.server.registry.ResourceRegistry;
import io.kubesim.server.registry.kinds.ServedResources;
import io.kubesim.server.storage.MeteredStorage;
import io.kubesim.server.storage.Storage;
import io.kubesim.server.storage.memory.InMemoryStorage;
import io.kubesim.server.storage.rocksdb.RocksDbStorage;
import io.kubesim.server.watch.ResourceCache;
import io.kubesim.server.watch.WatchCache;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.http.ClientAuth;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;

/**
 * The assembled API server: PKI, storage, watch cache, one generic store per resource, and the
 * HTTPS servers on every event loop. {@link #start} blocks until the server is ready;
 * {@link #close} stops it and releases storage. Thread-safe to close from any thread once.
 */
public final class ApiServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);

    private final ServerConfig config;
    private final PkiLayout pki;
    private final Storage storage;
    private final WatchCache cache;
    private final ApiMetrics metrics;
    private final Vertx vertx;
    private final int port;
    private final long compactionTimer;

    private ApiServer(ServerConfig config, PkiLayout pki, Storage storage, WatchCache cache, ApiMetrics metrics,
                      Vertx vertx, int port, long compactionTimer) {
        this.config = config;
        this.pki = pki;
        this.storage = storage;
        this.cache = cache;
        this.metrics = metrics;
        this.vertx = vertx;
        this.port = port;
        this.compactionTimer = compactionTimer;
    }

    /** Starts a server; blocks the calling thread until it serves or fails. */
    public static ApiServer start(ServerConfig config) throws PkiException, InterruptedException, ExecutionException {
        Clock clock = Clock.systemUTC();
        int requestedPort = config.port() == 0 ? FreePort.find(config.bindAddress()) : config.port();
        PkiLayout pki = new ClusterPki().ensure(PkiRequest.of(config.dataDir())
                .withServer(URI.create("https://" + hostForUrl(config.bindAddress()) + ":" + requestedPort))
                .withExtraSans(config.tlsSans())).layout();

        Storage opened = config.storage().equals("memory") ? new InMemoryStorage()
                : RocksDbStorage.open(config.storageDir());
        ApiMetrics metrics = new ApiMetrics();
        Storage storage = new MeteredStorage(opened, metrics);
        try {
            ServedResources served = new ServedResources();
            ResourceRegistry registry = served.registry();
            WatchCache cache = new WatchCache(registry.all(), config.historySize());
            cache.start(storage, config.retainedRevisions());
            served.restoreAllocations(cache.cache(registry.byResource("", "v1", "services").orElseThrow()));
            ProtobufBodies.preload();
            Map<ResourceDescriptor, GenericStore> stores = stores(registry, storage, cache, clock);
            Bootstrap.ensureSystemObjects(registry, stores, config.advertiseAddress(), requestedPort);
            registerGauges(metrics, storage, cache);

            Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(config.eventLoops()));
            WorkerExecutor listPool = vertx.createSharedWorkerExecutor("api-list",
                    Math.max(2, config.eventLoops()), 60, TimeUnit.SECONDS);
            HttpClient kubelets = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(5_000),
                    new PoolOptions().setHttp1MaxSize(32));
            ApiServices services = ApiServices.create(registry, stores, metrics, listPool, kubelets, clock,
                    config.watchCapacity(), config.bookmarkInterval().toMillis());
            ApiRouter router = new ApiRouter(services, new DiscoveryDocuments(registry),
                    new OpenApiDocuments(registry, SchemaSource.NONE), VersionInfo.V1_32, () -> true);
            HttpServerOptions options = httpOptions(config, requestedPort, pki);
            vertx.deployVerticle(() -> new ApiVerticle(router, options),
                    new DeploymentOptions().setInstances(config.eventLoops()))
                    .toCompletionStage().toCompletableFuture().get();
            long compaction = vertx.setPeriodic(config.compactionInterval().toMillis(), id -> {
                long target = storage.currentRevision() - config.retainedRevisions();
                if (target > storage.compactedRevision()) {
                    storage.compact(target).whenComplete((v, t) -> {
                        if (t != null) {
                            LOG.warn("compaction to revision {} failed", target, t);
                        }
                    });
                }
            });
            LOG.info("serving on https://{}:{} (storage {}, revision {})", config.bindAddress(), requestedPort,
                    config.storage(), storage.currentRevision());
            return new ApiServer(config, pki, storage, cache, metrics, vertx, requestedPort, compaction);
        } catch (RuntimeException | InterruptedException | ExecutionException e) {
            storage.close();
            metrics.close();
            throw e;
        }
    }

    private static Map<ResourceDescriptor, GenericStore> stores(ResourceRegistry registry, Storage storage,
                                                                WatchCache cache, Clock clock) {
        ResourceDescriptor namespaces = registry.byResource("", "v1", "namespaces").orElseThrow();
        NamespaceLifecycle lifecycle = new NamespaceLifecycle(namespaces, cache.cache(namespaces));
        NameGenerator names = new NameGenerator();
        Map<ResourceDescriptor, GenericStore> stores = new LinkedHashMap<>();
        for (ResourceDescriptor d : registry.all()) {
            stores.put(d, new GenericStore(d, storage, cache.cache(d), lifecycle, new MetadataValidator(), clock, names));
        }
        return stores;
    }

    private static void registerGauges(ApiMetrics metrics, Storage storage, WatchCache cache) {
        for (ResourceCache c : cache.all()) {
            metrics.storageObjects(c.descriptor().qualifiedResource(), c, ResourceCache::size);
        }
        metrics.gauge("storage.current.revision", "The newest committed revision.", storage,
                Storage::currentRevision);
        metrics.gauge("storage.compacted.revision", "Event history at or below this revision is compacted.", storage,
                Storage::compactedRevision);
    }

    static HttpServerOptions httpOptions(ServerConfig config, int port, PkiLayout pki) {
        return new HttpServerOptions()
                .setHost(config.bindAddress())
                .setPort(port)
                .setSsl(true)
                .setUseAlpn(true)
                .setAlpnVersions(List.of(HttpVersion.HTTP_2, HttpVersion.HTTP_1_1))
                .setEnabledSecureTransportProtocols(Set.of("TLSv1.2", "TLSv1.3"))
                .setKeyCertOptions(new PemKeyCertOptions()
                        .setCertPath(pki.apiserverCertificate().toString())
                        .setKeyPath(pki.apiserverKey().toString()))
                .setTrustOptions(new PemTrustOptions().addCertPath(pki.caCertificate().toString()))
                .setClientAuth(ClientAuth.REQUEST)
                .setMaxWebSocketFrameSize(1 << 20)
                .setMaxWebSocketMessageSize(16 << 20);
    }

    private static String hostForUrl(String bind) {
        if (bind.equals("0.0.0.0") || bind.equals("::")) {
            return "127.0.0.1";
        }
        return bind.contains(":") ? "[" + bind + "]" : bind;
    }

    public int port() {
        return port;
    }

    public PkiLayout pki() {
        return pki;
    }

    public ServerConfig config() {
        return config;
    }

    /** The URL clients use. */
    public String url() {
        return "https://" + hostForUrl(config.bindAddress()) + ":" + port;
    }

    @Override
    public void close() {
        vertx.cancelTimer(compactionTimer);
        cache.closeAll();
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("vert.x did not stop cleanly", e);
        }
        storage.close();
        metrics.close();
    }
}
