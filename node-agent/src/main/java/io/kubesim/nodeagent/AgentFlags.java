package io.kubesim.nodeagent;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import io.kubesim.nodeagent.lifecycle.GoDuration;
import io.kubesim.nodeagent.node.NodeSettings;
import io.kubesim.nodeagent.node.NodeTaint;

/**
 * The node agent's command line: {@code --flag value} or {@code --flag=value}; boolean flags also
 * alone ({@code --control-plane}). Stateless.
 */
public final class AgentFlags {

    /** The help text of {@code --help}. */
    public static final String USAGE = """
            Usage: node-agent --kubeconfig PATH [flags]

            Simulates kubelets: registers nodes, keeps their Leases and status fresh, and plays
            the pods bound to them through declarative lifecycle stages.

            Nodes:
              --nodes N                  number of nodes, control plane included (default 3)
              --name-prefix P            node name prefix (default kubesim-); nodes are named like kind's:
                                         P+control-plane, P+worker, P+worker2, ...
              --control-plane BOOL       make the first node a control-plane node with the control-plane
                                         role label and NoSchedule taint and static-pod mirrors of
                                         kube-apiserver, kube-controller-manager, kube-scheduler (default true)
              --cpu Q                    CPU capacity per node (default 4)
              --memory Q                 memory capacity per node (default 8Gi)
              --pods N                   pod capacity per node (default 110)
              --ephemeral-storage Q      ephemeral storage per node (default 100Gi)
              --zones a,b,c              topology.kubernetes.io/zone values, round-robin
                                         (default zone-a,zone-b,zone-c; empty for none)
              --nodes-per-rack N         nodes of a zone per kubesim.io/rack label value (default 4)
              --node-labels k=v,...      extra labels on every node
              --node-taints k=v:Effect,...  taints on every worker node
              --first-node-ip IP         InternalIP of the first node; the others count up (default 172.18.0.2)

            Lifecycle:
              --stages DIR               stage files (*.yaml, recursively) replacing the built-in stages
                                         of each kind they define (Pod, Node)
              --fail-image-pattern RE    images matching RE fail to pull (default .*:nonexistent|.*invalid.*)
              --workers N                threads applying pod stages (default 16)
              --seed N                   seed of random delays and stage choices (default random)
              --lease-interval D         node Lease renewal period (default 10s)
              --status-interval D        node status heartbeat period (default 1m)

            Endpoints (127.0.0.1):
              --logs-port N              kubelet log endpoint /containerLogs/... for all nodes, advertised
                                         in annotation kubesim.io/kubelet-address (default 10250, 0 = free)
              --metrics-port N           /metrics, /healthz, /readyz (default 10248, 0 = free)

              --help                     show this help
            """;

    private AgentFlags() {
    }

    /** Thrown for {@code --help}: print {@link #USAGE} and exit 0. */
    public static final class HelpRequested extends RuntimeException {

        HelpRequested() {
            super("help requested");
        }
    }

    /**
     * Parses the arguments.
     *
     * @throws HelpRequested            for {@code --help}
     * @throws IllegalArgumentException for an unknown flag or an invalid value, with a message for the user
     */
    public static AgentConfig parse(String... args) {
        Map<String, String> flags = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--help") || a.equals("-h")) {
                throw new HelpRequested();
            }
            if (!a.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument \"" + a + "\"");
            }
            int eq = a.indexOf('=');
            String name = eq < 0 ? a.substring(2) : a.substring(2, eq);
            String value;
            if (eq >= 0) {
                value = a.substring(eq + 1);
            } else if (name.equals("control-plane") && (i + 1 == args.length || args[i + 1].startsWith("--"))) {
                value = "true";
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new IllegalArgumentException("flag --" + name + " needs a value");
            }
            flags.put(name, value);
        }
        return config(flags);
    }

    private static AgentConfig config(Map<String, String> f) {
        Map<String, String> flags = new LinkedHashMap<>(f);
        String kubeconfig = flags.remove("kubeconfig");
        if (kubeconfig == null || kubeconfig.isEmpty()) {
            throw new IllegalArgumentException("--kubeconfig is required");
        }
        AgentConfig d = AgentConfig.defaults(Path.of(kubeconfig));
        NodeSettings n = d.nodes();
        NodeSettings nodes = new NodeSettings(
                integer(flags, "nodes", n.count()),
                string(flags, "name-prefix", n.namePrefix()),
                bool(flags, "control-plane", n.controlPlane()),
                string(flags, "cpu", n.cpu()),
                string(flags, "memory", n.memory()),
                integer(flags, "pods", n.maxPods()),
                string(flags, "ephemeral-storage", n.ephemeralStorage()),
                flags.containsKey("zones") ? list(flags.remove("zones")) : n.zones(),
                integer(flags, "nodes-per-rack", n.nodesPerRack()),
                labels(flags.remove("node-labels")),
                taints(flags.remove("node-taints")),
                string(flags, "first-node-ip", n.firstNodeIp()));
        String stages = flags.remove("stages");
        String pattern = string(flags, "fail-image-pattern", d.failImagePattern());
        try {
            Pattern.compile(pattern);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("--fail-image-pattern: " + e.getDescription(), e);
        }
        AgentConfig config = new AgentConfig(d.kubeconfig(), nodes, stages == null ? null : Path.of(stages),
                port(flags, "metrics-port", d.metricsPort()), port(flags, "logs-port", d.logsPort()), pattern,
                integer(flags, "workers", d.workers()), duration(flags, "lease-interval", d.leaseInterval()),
                duration(flags, "status-interval", d.statusInterval()),
                seed(flags.remove("seed")));
        if (!flags.isEmpty()) {
            throw new IllegalArgumentException("unknown flag --" + flags.keySet().iterator().next()
                    + " (see --help)");
        }
        return config;
    }

    private static String string(Map<String, String> flags, String name, String fallback) {
        String v = flags.remove(name);
        return v == null ? fallback : v;
    }

    private static int integer(Map<String, String> flags, String name, int fallback) {
        String v = flags.remove(name);
        if (v == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + ": not a number: " + v, e);
        }
    }

    private static Long seed(String v) {
        if (v == null) {
            return null;
        }
        try {
            return Long.valueOf(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--seed: not a number: " + v, e);
        }
    }

    private static int port(Map<String, String> flags, String name, int fallback) {
        int p = integer(flags, name, fallback);
        if (p < 0 || p > 65535) {
            throw new IllegalArgumentException("--" + name + ": not a port: " + p);
        }
        return p;
    }

    private static boolean bool(Map<String, String> flags, String name, boolean fallback) {
        String v = flags.remove(name);
        if (v == null) {
            return fallback;
        }
        if (!v.equals("true") && !v.equals("false")) {
            throw new IllegalArgumentException("--" + name + ": expected true or false, not " + v);
        }
        return Boolean.parseBoolean(v);
    }

    private static Duration duration(Map<String, String> flags, String name, Duration fallback) {
        String v = flags.remove(name);
        if (v == null) {
            return fallback;
        }
        try {
            Duration d = GoDuration.parse(v);
            if (d.isZero()) {
                throw new IllegalArgumentException("must be positive");
            }
            return d;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--" + name + ": " + e.getMessage(), e);
        }
    }

    private static List<String> list(String csv) {
        List<String> out = new ArrayList<>();
        for (String s : csv.split(",")) {
            if (!s.isBlank()) {
                out.add(s.trim());
            }
        }
        return out;
    }

    private static Map<String, String> labels(String csv) {
        Map<String, String> labels = new LinkedHashMap<>();
        if (csv == null) {
            return labels;
        }
        for (String kv : list(csv)) {
            int eq = kv.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("--node-labels: expected key=value, not \"" + kv + "\"");
            }
            labels.put(kv.substring(0, eq), kv.substring(eq + 1));
        }
        return labels;
    }

    private static List<NodeTaint> taints(String csv) {
        List<NodeTaint> taints = new ArrayList<>();
        if (csv != null) {
            for (String t : list(csv)) {
                taints.add(NodeTaint.parse(t));
            }
        }
        return taints;
    }
}
