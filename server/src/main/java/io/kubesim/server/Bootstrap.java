package io.kubesim.server;

import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.kubesim.server.json.Json;
import io.kubesim.server.registry.GenericStore;
import io.kubesim.server.registry.NamespaceLifecycle;
import io.kubesim.server.registry.ResourceDescriptor;
import io.kubesim.server.registry.ResourceRegistry;
import io.kubesim.server.registry.WriteOptions;
import tools.jackson.databind.node.ObjectNode;

/**
 * Objects a cluster has from its first start, created through the normal store pipeline (so they get
 * defaults and validation like any other): the system namespaces, and the {@code default/kubernetes}
 * Service (first address of the service range) with Endpoints pointing at this server, as the real
 * API server maintains them. Idempotent across restarts.
 */
final class Bootstrap {

    private static final Logger LOG = LoggerFactory.getLogger(Bootstrap.class);

    private Bootstrap() {
    }

    static void ensureSystemObjects(ResourceRegistry registry, Map<ResourceDescriptor, GenericStore> stores,
                                    String address, int port) throws InterruptedException, ExecutionException {
        ResourceDescriptor nsType = registry.byResource("", "v1", "namespaces").orElseThrow();
        GenericStore namespaces = stores.get(nsType);
        for (String name : NamespaceLifecycle.SYSTEM_NAMESPACES) {
            if (namespaces.cache().get(nsType.key(null, name)) != null) {
                continue;
            }
            ObjectNode ns = Json.object();
            ns.put("apiVersion", "v1");
            ns.put("kind", "Namespace");
            ns.putObject("metadata").put("name", name);
            namespaces.create(null, ns, WriteOptions.DEFAULT, Runnable::run).get();
            LOG.info("created namespace {}", name);
        }
        ensureKubernetesService(registry, stores, address, port);
    }

    private static void ensureKubernetesService(ResourceRegistry registry, Map<ResourceDescriptor, GenericStore> stores,
                                                String address, int port)
            throws InterruptedException, ExecutionException {
        ResourceDescriptor svcType = registry.byResource("", "v1", "services").orElseThrow();
        GenericStore services = stores.get(svcType);
        if (services.cache().get(svcType.key("default", "kubernetes")) == null) {
            ObjectNode svc = Json.object();
            svc.put("apiVersion", "v1");
            svc.put("kind", "Service");
            ObjectNode meta = svc.putObject("metadata");
            meta.put("name", "kubernetes");
            meta.putObject("labels").put("component", "apiserver").put("provider", "kubernetes");
            ObjectNode spec = svc.putObject("spec");
            spec.put("clusterIP", "10.96.0.1");
            ObjectNode p = spec.putArray("ports").addObject();
            p.put("name", "https");
            p.put("port", 443);
            p.put("protocol", "TCP");
            p.put("targetPort", port);
            services.create("default", svc, WriteOptions.DEFAULT, Runnable::run).get();
        }
        ResourceDescriptor epType = registry.byResource("", "v1", "endpoints").orElseThrow();
        GenericStore endpoints = stores.get(epType);
        ObjectNode ep = Json.object();
        ep.put("apiVersion", "v1");
        ep.put("kind", "Endpoints");
        ObjectNode meta = ep.putObject("metadata");
        meta.put("name", "kubernetes");
        meta.putObject("labels").put("endpointslice.kubernetes.io/skip-mirror", "true");
        ObjectNode subset = ep.putArray("subsets").addObject();
        subset.putArray("addresses").addObject().put("ip", address);
        ObjectNode p = subset.putArray("ports").addObject();
        p.put("name", "https");
        p.put("port", port);
        p.put("protocol", "TCP");
        if (endpoints.cache().get(epType.key("default", "kubernetes")) == null) {
            endpoints.create("default", ep, WriteOptions.DEFAULT, Runnable::run).get();
        } else {
            endpoints.update("default", "kubernetes", current -> {
                current.set("subsets", ep.get("subsets"));
                return current;
            }, GenericStore.Target.MAIN, WriteOptions.DEFAULT, Runnable::run).get();
        }
    }
}
