package io.kubesim.controllers.endpoints;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.TreeMap;

import io.fabric8.kubernetes.api.model.EndpointAddress;
import io.fabric8.kubernetes.api.model.EndpointAddressBuilder;
import io.fabric8.kubernetes.api.model.EndpointPort;
import io.fabric8.kubernetes.api.model.EndpointPortBuilder;
import io.fabric8.kubernetes.api.model.EndpointSubset;
import io.fabric8.kubernetes.api.model.EndpointSubsetBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.kubesim.controllers.support.Pods;

/**
 * A Service's endpoint subsets from its selected pods, as the endpoints controller builds them:
 * one address per pod with an IP (ready pods in {@code addresses}, the rest in
 * {@code notReadyAddresses}; terminating pods only when the service publishes not-ready
 * addresses), one port per service port resolved on the pod, then repacked so that ports served by
 * the same set of addresses share one subset. Ordering is deterministic (addresses by IP, ports by
 * name and number). Stateless.
 */
final class EndpointSubsets {

    private record AddressKey(String ip, String uid) {
    }

    private record Entry(EndpointAddress address, boolean ready) {
    }

    /** Stands for "no ports" of a headless service without ports. */
    private static final EndpointPort NO_PORT = new EndpointPortBuilder().withPort(-1).build();

    private EndpointSubsets() {
    }

    static List<EndpointSubset> build(Service svc, List<Pod> pods) {
        Map<EndpointPort, Map<AddressKey, Entry>> byPort = new LinkedHashMap<>();
        boolean publishNotReady = Boolean.TRUE.equals(svc.getSpec().getPublishNotReadyAddresses());
        List<ServicePort> ports = svc.getSpec().getPorts() == null ? List.of() : svc.getSpec().getPorts();
        for (Pod pod : pods) {
            if (!belongs(pod, publishNotReady)) {
                continue;
            }
            EndpointAddress address = address(svc, pod);
            boolean ready = publishNotReady || Pods.isReady(pod);
            if (ports.isEmpty()) {
                if ("None".equals(svc.getSpec().getClusterIP())) {
                    add(byPort, NO_PORT, address, ready);
                }
                continue;
            }
            for (ServicePort sp : ports) {
                OptionalInt port = PortResolver.find(pod, sp);
                if (port.isPresent()) {
                    add(byPort, new EndpointPortBuilder().withName(sp.getName()).withPort(port.getAsInt())
                            .withProtocol(sp.getProtocol()).withAppProtocol(sp.getAppProtocol()).build(),
                            address, ready);
                }
            }
        }
        return repack(byPort);
    }

    /** Upstream's ShouldPodBeInEndpoints. */
    static boolean belongs(Pod pod, boolean includeTerminating) {
        if (Pods.isTerminal(pod) || ip(pod) == null) {
            return false;
        }
        return includeTerminating || !Pods.isTerminating(pod);
    }

    private static EndpointAddress address(Service svc, Pod pod) {
        EndpointAddressBuilder b = new EndpointAddressBuilder().withIp(ip(pod))
                .withNodeName(Pods.nodeName(pod).isEmpty() ? null : Pods.nodeName(pod))
                .withNewTargetRef().withKind("Pod").withNamespace(pod.getMetadata().getNamespace())
                .withName(pod.getMetadata().getName()).withUid(pod.getMetadata().getUid()).endTargetRef();
        String hostname = pod.getSpec().getHostname();
        if (hostname != null && !hostname.isEmpty() && svc.getMetadata().getName().equals(pod.getSpec().getSubdomain())
                && Objects.equals(svc.getMetadata().getNamespace(), pod.getMetadata().getNamespace())) {
            b.withHostname(hostname);
        }
        return b.build();
    }

    private static String ip(Pod pod) {
        if (pod.getStatus() == null) {
            return null;
        }
        if (pod.getStatus().getPodIPs() != null && !pod.getStatus().getPodIPs().isEmpty()
                && pod.getStatus().getPodIPs().get(0).getIp() != null) {
            return pod.getStatus().getPodIPs().get(0).getIp();
        }
        String ip = pod.getStatus().getPodIP();
        return ip == null || ip.isEmpty() ? null : ip;
    }

    private static void add(Map<EndpointPort, Map<AddressKey, Entry>> byPort, EndpointPort port,
                            EndpointAddress address, boolean ready) {
        AddressKey key = new AddressKey(address.getIp(), address.getTargetRef().getUid());
        byPort.computeIfAbsent(port, p -> new LinkedHashMap<>())
                .merge(key, new Entry(address, ready), (a, b) -> a.ready() ? a : b);
    }

    /** Ports served by exactly the same addresses (with the same readiness) share a subset. */
    private static List<EndpointSubset> repack(Map<EndpointPort, Map<AddressKey, Entry>> byPort) {
        Map<String, List<EndpointPort>> portsBySignature = new TreeMap<>();
        Map<String, Map<AddressKey, Entry>> addressesBySignature = new TreeMap<>();
        byPort.forEach((port, addresses) -> {
            String signature = signature(addresses);
            addressesBySignature.put(signature, addresses);
            List<EndpointPort> list = portsBySignature.computeIfAbsent(signature, s -> new ArrayList<>());
            if (port.getPort() > 0) {
                list.add(port);
            }
        });
        List<EndpointSubset> out = new ArrayList<>();
        portsBySignature.forEach((signature, ports) -> {
            List<EndpointAddress> ready = new ArrayList<>();
            List<EndpointAddress> notReady = new ArrayList<>();
            addressesBySignature.get(signature).values().stream()
                    .sorted(Comparator.comparing((Entry e) -> e.address().getIp())
                            .thenComparing(e -> String.valueOf(e.address().getTargetRef().getUid())))
                    .forEach(e -> (e.ready() ? ready : notReady).add(e.address()));
            ports.sort(Comparator.comparing((EndpointPort p) -> String.valueOf(p.getName()))
                    .thenComparing(EndpointPort::getPort).thenComparing(p -> String.valueOf(p.getProtocol())));
            out.add(new EndpointSubsetBuilder().withAddresses(ready.isEmpty() ? null : ready)
                    .withNotReadyAddresses(notReady.isEmpty() ? null : notReady)
                    .withPorts(ports.isEmpty() ? null : ports).build());
        });
        return out;
    }

    private static String signature(Map<AddressKey, Entry> addresses) {
        StringBuilder sb = new StringBuilder();
        addresses.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<AddressKey, Entry> e) -> e.getKey().ip())
                        .thenComparing(e -> String.valueOf(e.getKey().uid())))
                .forEach(e -> sb.append(e.getKey().ip()).append('/').append(e.getKey().uid())
                        .append(e.getValue().ready() ? "+" : "-").append(';'));
        return sb.toString();
    }

    /** Number of addresses, ready and not. */
    static int count(List<EndpointSubset> subsets) {
        int n = 0;
        for (EndpointSubset s : subsets) {
            n += s.getAddresses() == null ? 0 : s.getAddresses().size();
            n += s.getNotReadyAddresses() == null ? 0 : s.getNotReadyAddresses().size();
        }
        return n;
    }
}
