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
 * defaults and validation like any other): the system namespaces. Idempotent across restarts.
 */
final class Bootstrap {

    private static final Logger LOG = LoggerFactory.getLogger(Bootstrap.class);

    private Bootstrap() {
    }

    static void ensureSystemObjects(ResourceRegistry registry, Map<ResourceDescriptor, GenericStore> stores)
            throws InterruptedException, ExecutionException {
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
    }
}
