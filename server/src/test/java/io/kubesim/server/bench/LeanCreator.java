package io.kubesim.server.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;

import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;

/**
 * Pod creates through {@link LeanClient}: one HTTP/2 connection per concurrent client, bodies built
 * from {@link PodBodies}. Thread-safe.
 */
final class LeanCreator implements PodCreator {

    private final LeanClient http;
    private final LeanClient.Connection[] connections;
    private volatile HttpVersion negotiated;

    LeanCreator(LeanClient http, int clients) {
        this.http = http;
        this.connections = new LeanClient.Connection[clients];
        for (int i = 0; i < clients; i++) {
            connections[i] = http.connection();
        }
    }

    @Override
    public void connect() throws Exception {
        List<Future<LeanClient.Response>> opened = new ArrayList<>();
        for (LeanClient.Connection c : connections) {
            opened.add(http.send(c, HttpMethod.GET, "/version", LeanClient.JSON, null, 200));
        }
        LeanClient.await(Future.all(opened));
    }

    @Override
    public CompletionStage<?> create(int client, String namespace, String name, boolean dryRun) {
        return http.send(connections[client], HttpMethod.POST,
                PodBodies.path(namespace) + (dryRun ? "?dryRun=All" : ""), LeanClient.JSON,
                PodBodies.json(namespace, name), 201).map(r -> negotiated = r.version()).toCompletionStage();
    }

    @Override
    public String describe() {
        return "lean Vert.x HttpClient (" + negotiated + " by ALPN, admin client cert, pre-built JSON bodies), "
                + connections.length + " connections";
    }

    @Override
    public void close() {
        for (LeanClient.Connection c : connections) {
            c.close();
        }
    }
}
