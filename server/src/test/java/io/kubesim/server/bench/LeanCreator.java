package io.kubesim.server.bench;

import java.util.concurrent.CompletionStage;

import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;

/**
 * Pod creates through {@link LeanClient}: one HTTP/2 connection per concurrent client, bodies built
 * from {@link PodBodies}. Thread-safe.
 */
final class LeanCreator implements PodCreator {

    private final LeanClient http;
    private final HttpClient[] connections;
    private volatile HttpVersion negotiated;

    LeanCreator(LeanClient http, int clients) {
        this.http = http;
        this.connections = new HttpClient[clients];
        for (int i = 0; i < clients; i++) {
            connections[i] = http.connection();
        }
    }

    @Override
    public CompletionStage<?> create(int client, String namespace, String name) {
        return http.send(connections[client], HttpMethod.POST, PodBodies.path(namespace), LeanClient.JSON,
                PodBodies.json(namespace, name), 201).map(r -> negotiated = r.version()).toCompletionStage();
    }

    @Override
    public String describe() {
        return "lean Vert.x HttpClient (" + negotiated + " by ALPN, admin client cert, pre-built JSON bodies), "
                + connections.length + " connections";
    }

    @Override
    public void close() {
        for (HttpClient c : connections) {
            c.close();
        }
    }
}
