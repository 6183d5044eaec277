package io.kubesim.certs;

import java.io.PrintStream;
import java.util.List;
import java.util.Optional;

/**
 * The {@code gen-certs} command: {@code java -cp ... io.kubesim.certs.GenCertsMain [gen-certs] --dir DIR ...}.
 * Prints one line per certificate or kubeconfig (created, kept, replaced) and exits 0; on any error prints
 * {@code gen-certs: MESSAGE} to standard error, without a stack trace, and exits 1. Run {@code --help} for options.
 * Stateless and thread-safe.
 */
public final class GenCertsMain {

    private GenCertsMain() {
    }

    public static void main(String[] args) {
        System.exit(run(List.of(args), System.out, System.err));
    }

    /**
     * Runs the command without exiting the JVM, for embedding (e.g. a server's own {@code gen-certs} subcommand) and
     * tests. A leading {@code gen-certs} argument is ignored.
     *
     * @return the process exit status: 0 on success or {@code --help}, 1 on any error
     */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        try {
            Optional<PkiRequest> request = GenCertsArgs.parse(args);
            if (request.isEmpty()) {
                out.print(GenCertsArgs.USAGE);
                return 0;
            }
            PkiResult result = new ClusterPki().ensure(request.get());
            result.actions().forEach(action -> out.println(action.describe()));
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("gen-certs: " + e.getMessage());
            err.println("Run 'gen-certs --help' for usage.");
            return 1;
        } catch (PkiException e) {
            err.println("gen-certs: " + e.getMessage());
            return 1;
        }
    }
}
