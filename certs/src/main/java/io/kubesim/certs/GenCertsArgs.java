package io.kubesim.certs;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Parses the command line of {@code gen-certs} into a {@link PkiRequest}. Options take their value as the next
 * argument or after {@code =}; list options repeat and also accept comma-separated values. Stateless and thread-safe.
 */
final class GenCertsArgs {

    static final String USAGE = """
            Usage: gen-certs --dir DIR [--server URL] [--tls-san NAME]... [--node NAME]... [--nodes A,B,...]

            Creates or refreshes the cluster PKI: DIR/pki/{ca,apiserver,admin,controller-manager,scheduler,node-NAME}
            .crt/.key and DIR/{admin,controller-manager,scheduler,node-NAME}.kubeconfig. Valid existing files are kept.

              --dir DIR         data directory (required)
              --server URL      API server URL for the kubeconfigs (default https://127.0.0.1:6443)
              --tls-san NAME    extra serving-certificate SAN, IP or DNS name; repeatable, comma-separated
              --node NAME       node that gets a client certificate and kubeconfig; repeatable
              --nodes A,B,...   several nodes at once
              --help            show this help
            """;

    private GenCertsArgs() {
    }

    /**
     * Parses the arguments; a leading {@code gen-certs} word is skipped, so the command can be dispatched from a
     * multi-command main.
     *
     * @return the request, or empty if help was asked for
     * @throws IllegalArgumentException for unknown options, missing values, a missing {@code --dir} or invalid values
     */
    static Optional<PkiRequest> parse(List<String> args) {
        List<String> rest = new ArrayList<>(args);
        if (!rest.isEmpty() && rest.get(0).equals("gen-certs")) {
            rest.remove(0);
        }
        Path dir = null;
        URI server = PkiRequest.DEFAULT_SERVER;
        List<String> sans = new ArrayList<>();
        List<String> nodes = new ArrayList<>();
        for (int i = 0; i < rest.size(); i++) {
            String arg = rest.get(i);
            if (arg.equals("--help") || arg.equals("-h")) {
                return Optional.empty();
            }
            int equals = arg.indexOf('=');
            String option = equals > 0 ? arg.substring(0, equals) : arg;
            if (!List.of("--dir", "--server", "--tls-san", "--node", "--nodes").contains(option)) {
                throw new IllegalArgumentException("unknown argument " + arg);
            }
            String value;
            if (equals > 0) {
                value = arg.substring(equals + 1);
            } else if (i + 1 < rest.size()) {
                value = rest.get(++i);
            } else {
                throw new IllegalArgumentException(option + " needs a value");
            }
            switch (option) {
                case "--dir" -> dir = Path.of(value);
                case "--server" -> server = parseUri(value);
                case "--tls-san" -> sans.addAll(splitList(option, value));
                default -> nodes.addAll(splitList(option, value));
            }
        }
        if (dir == null) {
            throw new IllegalArgumentException("--dir is required");
        }
        return Optional.of(new PkiRequest(dir, server, sans, nodes));
    }

    private static URI parseUri(String value) {
        try {
            return new URI(value);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("--server: " + e.getMessage(), e);
        }
    }

    private static List<String> splitList(String option, String value) {
        List<String> items = new ArrayList<>();
        for (String item : value.split(",", -1)) {
            if (item.isBlank()) {
                throw new IllegalArgumentException(option + ": empty item in '" + value + "'");
            }
            items.add(item.trim());
        }
        return items;
    }
}
