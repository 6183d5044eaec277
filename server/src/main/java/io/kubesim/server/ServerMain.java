package io.kubesim.server;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import io.kubesim.certs.GenCertsMain;
import io.kubesim.certs.PkiException;

/**
 * The API server command line: {@code serve} runs the server until it is signalled to stop;
 * {@code gen-certs} generates the cluster PKI and kubeconfigs (see {@link GenCertsMain}).
 */
public final class ServerMain {

    private static final String USAGE = """
            usage: kubesim-server serve --data-dir DIR [--port PORT] [--bind ADDRESS] [--storage rocksdb|memory]
                                        [--advertise-address IP] [--access-log]
                                        [--tls-san NAME]...
                   kubesim-server gen-certs --dir DIR [--server URL] [--tls-san NAME]... [--node NAME]...
            """;

    private ServerMain() {
    }

    public static void main(String[] args) {
        System.exit(run(Arrays.asList(args), System.out, System.err));
    }

    static int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty() || args.get(0).equals("--help") || args.get(0).equals("-h")) {
            out.print(USAGE);
            return args.isEmpty() ? 1 : 0;
        }
        String command = args.get(0);
        List<String> rest = args.subList(1, args.size());
        return switch (command) {
            case "serve" -> serve(rest, err);
            case "gen-certs" -> GenCertsMain.run(rest, out, err);
            default -> {
                err.println("kubesim-server: unknown command \"" + command + "\"");
                err.print(USAGE);
                yield 1;
            }
        };
    }

    private static int serve(List<String> args, PrintStream err) {
        ServerConfig config;
        List<String> rest = new ArrayList<>(args);
        boolean accessLog = rest.remove("--access-log");
        Logging.configure(accessLog);
        try {
            config = parse(rest);
        } catch (IllegalArgumentException e) {
            err.println("kubesim-server: " + e.getMessage());
            err.print(USAGE);
            return 1;
        }
        ApiServer server;
        try {
            server = ApiServer.start(config);
        } catch (PkiException e) {
            err.println("kubesim-server: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } catch (Exception e) {
            err.println("kubesim-server: cannot start: " + e);
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    static ServerConfig parse(List<String> args) {
        Path dataDir = null;
        Integer port = null;
        String bind = null;
        String advertise = null;
        String storage = null;
        List<String> sans = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            String value;
            String name;
            int eq = a.indexOf('=');
            if (a.startsWith("--") && eq > 0) {
                name = a.substring(0, eq);
                value = a.substring(eq + 1);
            } else {
                name = a;
                if (i + 1 >= args.size()) {
                    throw new IllegalArgumentException(a + " needs a value");
                }
                value = args.get(++i);
            }
            switch (name) {
                case "--data-dir" -> dataDir = Path.of(value);
                case "--port" -> port = parsePort(value);
                case "--bind" -> bind = value;
                case "--advertise-address" -> advertise = value;
                case "--storage" -> storage = value;
                case "--tls-san" -> sans.addAll(Arrays.asList(value.split(",")));
                default -> throw new IllegalArgumentException("unknown flag " + name);
            }
        }
        if (dataDir == null) {
            throw new IllegalArgumentException("--data-dir is required");
        }
        ServerConfig c = ServerConfig.defaults(dataDir.toAbsolutePath());
        if (port != null) {
            c = c.withPort(port);
        }
        if (bind != null) {
            c = c.withBindAddress(bind);
        }
        if (advertise != null) {
            c = c.withAdvertiseAddress(advertise);
        }
        if (storage != null) {
            c = c.withStorage(storage);
        }
        return c.withTlsSans(sans);
    }

    private static int parsePort(String v) {
        try {
            int p = Integer.parseInt(v);
            if (p < 0 || p > 65535) {
                throw new NumberFormatException();
            }
            return p;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--port must be a number from 0 to 65535, not " + v);
        }
    }
}
