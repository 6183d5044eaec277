package io.kubesim.controllers.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;

/** Fabric8 clients for components, configured only from their kubeconfig (no ambient config). */
public final class Clients {

    private Clients() {
    }

    public static KubernetesClient fromKubeconfig(Path kubeconfig) {
        try {
            Config config = Config.fromKubeconfig(Files.readString(kubeconfig));
            config.setRequestTimeout(30_000);
            config.setConnectionTimeout(10_000);
            config.setMaxConcurrentRequests(256);
            config.setMaxConcurrentRequestsPerHost(256);
            return new KubernetesClientBuilder().withConfig(config)
                    .withHttpClientFactory(new JdkHttpClientFactory()).build();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read kubeconfig " + kubeconfig, e);
        }
    }
}
