package io.kubesim.controllers;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the controller-manager's command line into {@link ControllerManagerOptions}, with the
 * flag names and defaults of kube-controller-manager. Values follow {@code --flag value} or
 * {@code --flag=value}; booleans are {@code --flag} or {@code --flag=true|false}; durations are
 * Go durations ({@code 40s}, {@code 1m30s}). Stateless and thread-safe.
 */
final class ControllerManagerArgs {

    static final String USAGE = """
            Usage: kube-controller-manager --kubeconfig PATH [flags]

            Runs the Deployment, ReplicaSet, StatefulSet and the other controllers against the API server.

              --kubeconfig PATH                 kubeconfig with the API server and credentials (required)
              --metrics-port N                  port of /metrics, /healthz, /readyz (default 10257; 0 = any free port)
              --metrics-bind-address ADDR       address to serve them on (default 127.0.0.1)
              --leader-elect[=true|false]       run only while holding the kube-system/kube-controller-manager
                                                lease (default true)
              --cluster-cidr CIDR               pod address range split into node pod CIDRs (default 10.244.0.0/16)
              --node-cidr-mask-size N           prefix length of each node's pod CIDR (default 24)
              --node-monitor-grace-period DUR   heartbeat silence before a node is marked unhealthy (default 40s)
              --concurrent-workers N            workers per controller (default 5)
              --help                            show this help
            """;

    private static final List<String> VALUED = List.of("--kubeconfig", "--metrics-port", "--metrics-bind-address",
            "--cluster-cidr", "--node-cidr-mask-size", "--node-monitor-grace-period", "--concurrent-workers");
    private static final Pattern DURATION_PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|µs|ms|s|m|h)");

    private ControllerManagerArgs() {
    }

    /**
     * @return the options, or empty if help was asked for
     * @throws IllegalArgumentException for unknown flags, missing or invalid values, or a missing {@code --kubeconfig}
     */
    static Optional<ControllerManagerOptions> parse(List<String> args) {
        Path kubeconfig = null;
        String bindAddress = "127.0.0.1";
        int metricsPort = 10257;
        boolean leaderElect = true;
        String clusterCidr = "10.244.0.0/16";
        int maskSize = 24;
        Duration grace = Duration.ofSeconds(40);
        int workers = 5;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--help") || arg.equals("-h")) {
                return Optional.empty();
            }
            int equals = arg.indexOf('=');
            String flag = equals > 0 ? arg.substring(0, equals) : arg;
            if (flag.equals("--leader-elect")) {
                leaderElect = equals < 0 || parseBoolean(flag, arg.substring(equals + 1));
                continue;
            }
            if (!VALUED.contains(flag)) {
                throw new IllegalArgumentException(arg.startsWith("-") ? "unknown flag: " + flag
                        : "unexpected argument: " + arg);
            }
            String value;
            if (equals > 0) {
                value = arg.substring(equals + 1);
            } else if (i + 1 < args.size()) {
                value = args.get(++i);
            } else {
                throw new IllegalArgumentException("flag needs an argument: " + flag);
            }
            switch (flag) {
                case "--kubeconfig" -> kubeconfig = Path.of(value);
                case "--metrics-port" -> metricsPort = parseInt(flag, value, 0, 65535);
                case "--metrics-bind-address" -> bindAddress = value;
                case "--cluster-cidr" -> clusterCidr = value;
                case "--node-cidr-mask-size" -> maskSize = parseInt(flag, value, 1, 128);
                case "--node-monitor-grace-period" -> grace = parseDuration(flag, value);
                default -> workers = parseInt(flag, value, 1, 1000);
            }
        }
        if (kubeconfig == null || kubeconfig.toString().isEmpty()) {
            throw new IllegalArgumentException("--kubeconfig is required");
        }
        checkCidr(clusterCidr, maskSize);
        return Optional.of(new ControllerManagerOptions(kubeconfig, bindAddress, metricsPort, leaderElect, identity(),
                clusterCidr, maskSize, grace, workers));
    }

    /** {@code <hostname>_<uuid>}, as kube-controller-manager names itself in its lease. */
    static String identity() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = System.getenv().getOrDefault("HOSTNAME", "localhost");
        }
        return host + "_" + UUID.randomUUID();
    }

    private static boolean parseBoolean(String flag, String value) {
        return switch (value) {
            case "true", "1", "t", "T", "TRUE", "True" -> true;
            case "false", "0", "f", "F", "FALSE", "False" -> false;
            default -> throw new IllegalArgumentException("invalid argument \"" + value + "\" for \"" + flag
                    + "\" flag: strconv.ParseBool: parsing \"" + value + "\": invalid syntax");
        };
    }

    private static int parseInt(String flag, String value, int min, int max) {
        int n;
        try {
            n = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid argument \"" + value + "\" for \"" + flag + "\" flag");
        }
        if (n < min || n > max) {
            throw new IllegalArgumentException(flag + " must be between " + min + " and " + max + ", got " + n);
        }
        return n;
    }

    /** A Go duration: a sequence of decimal numbers with units, e.g. {@code 40s}, {@code 1m30s}, {@code 500ms}. */
    static Duration parseDuration(String flag, String value) {
        if (value.equals("0")) {
            return Duration.ZERO;
        }
        Matcher m = DURATION_PART.matcher(value);
        int at = 0;
        double nanos = 0;
        while (at < value.length() && m.find(at) && m.start() == at) {
            double n = Double.parseDouble(m.group(1));
            nanos += n * switch (m.group(2)) {
                case "ns" -> 1d;
                case "us", "µs" -> 1e3;
                case "ms" -> 1e6;
                case "s" -> 1e9;
                case "m" -> 60e9;
                default -> 3600e9;
            };
            at = m.end();
        }
        if (at == 0 || at != value.length()) {
            throw new IllegalArgumentException("invalid argument \"" + value + "\" for \"" + flag
                    + "\" flag: time: invalid duration \"" + value + "\"");
        }
        return Duration.ofNanos((long) nanos);
    }

    private static void checkCidr(String cidr, int maskSize) {
        int slash = cidr.indexOf('/');
        boolean ok = slash > 0;
        int prefix = -1;
        if (ok) {
            String address = cidr.substring(0, slash);
            ok = address.matches("\\d{1,3}(\\.\\d{1,3}){3}") || address.contains(":");
            try {
                prefix = Integer.parseInt(cidr.substring(slash + 1));
            } catch (NumberFormatException e) {
                ok = false;
            }
            int bits = address.contains(":") ? 128 : 32;
            ok = ok && prefix >= 0 && prefix <= bits && maskSize <= bits;
        }
        if (!ok) {
            throw new IllegalArgumentException("invalid --cluster-cidr \"" + cidr + "\": want an address/prefix"
                    + " such as 10.244.0.0/16");
        }
        if (maskSize < prefix) {
            throw new IllegalArgumentException("--node-cidr-mask-size " + maskSize
                    + " is smaller than the --cluster-cidr prefix /" + prefix);
        }
    }
}
