package io.kubesim.scheduler;

import java.nio.file.Path;

/**
 * The scheduler's command line. Flags take {@code --flag=value} or {@code --flag value}; a boolean flag alone means
 * true. Immutable.
 *
 * @param kubeconfig     credentials and server of the scheduler's identity (required)
 * @param metricsHost    address {@code /metrics}, {@code /healthz}, {@code /readyz} listen on
 * @param metricsPort    their port; 0 picks a free one
 * @param leaderElect    campaign for the {@code kube-system/kube-scheduler} lease before scheduling
 * @param schedulerName  the {@code spec.schedulerName} this scheduler serves
 */
public record SchedulerOptions(Path kubeconfig, String metricsHost, int metricsPort, boolean leaderElect,
                               String schedulerName) {

    public static final int DEFAULT_METRICS_PORT = 10259;

    public static final String USAGE = """
            Usage: java -cp kubesim-controllers.jar io.kubesim.scheduler.SchedulerMain [flags]

            Assigns pending pods to nodes (binds them through pods/binding), like kube-scheduler.

            Flags:
              --kubeconfig PATH              kubeconfig with the scheduler's identity (required)
              --metrics-port N               port of /metrics, /healthz and /readyz (default 10259; 0 = any free port)
              --metrics-bind-address ADDR    address of that endpoint (default 127.0.0.1)
              --leader-elect[=BOOL]          take the kube-system/kube-scheduler lease before scheduling (default true)
              --scheduler-name NAME          the spec.schedulerName served (default default-scheduler)
              --help                         print this help and exit
            """;

    /** Thrown for {@code --help}: print {@link #USAGE} and exit successfully. */
    public static final class HelpRequested extends Exception {
        private static final long serialVersionUID = 1L;

        HelpRequested() {
            super("help requested");
        }
    }

    /** Parses {@code args}; throws IllegalArgumentException with a message for the user on bad input. */
    public static SchedulerOptions parse(String... args) throws HelpRequested {
        Path kubeconfig = null;
        String host = "127.0.0.1";
        int port = DEFAULT_METRICS_PORT;
        boolean leaderElect = true;
        String name = SchedulerConfig.DEFAULT_SCHEDULER_NAME;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + arg);
            }
            int eq = arg.indexOf('=');
            String flag = eq < 0 ? arg.substring(2) : arg.substring(2, eq);
            String inline = eq < 0 ? null : arg.substring(eq + 1);
            switch (flag) {
                case "help" -> throw new HelpRequested();
                case "leader-elect" -> leaderElect = inline == null || bool(flag, inline);
                case "kubeconfig", "metrics-port", "metrics-bind-address", "scheduler-name" -> {
                    String value = inline;
                    if (value == null) {
                        if (i + 1 >= args.length) {
                            throw new IllegalArgumentException("flag needs an argument: --" + flag);
                        }
                        value = args[++i];
                    }
                    switch (flag) {
                        case "kubeconfig" -> kubeconfig = Path.of(value);
                        case "metrics-port" -> port = port(value);
                        case "metrics-bind-address" -> host = value;
                        default -> name = value;
                    }
                }
                default -> throw new IllegalArgumentException("unknown flag: --" + flag);
            }
        }
        if (kubeconfig == null) {
            throw new IllegalArgumentException("--kubeconfig is required");
        }
        if (name.isEmpty()) {
            throw new IllegalArgumentException("--scheduler-name must not be empty");
        }
        return new SchedulerOptions(kubeconfig, host, port, leaderElect, name);
    }

    private static boolean bool(String flag, String value) {
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("invalid boolean for --" + flag + ": " + value);
        };
    }

    private static int port(String value) {
        try {
            int p = Integer.parseInt(value);
            if (p < 0 || p > 65535) {
                throw new NumberFormatException();
            }
            return p;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid --metrics-port: " + value);
        }
    }
}
