package io.kubesim.controllers;

import java.io.PrintStream;
import java.util.List;
import java.util.Optional;

/**
 * The controller-manager process:
 * {@code java -jar kubesim-controllers.jar --kubeconfig PATH [--metrics-port N] [--leader-elect=false] ...}
 * (see {@code --help}). Bad flags print one error line and the usage and exit 2; an unreadable
 * kubeconfig exits 1; losing the leader lease exits 1, like kube-controller-manager; SIGTERM
 * stops the controllers and releases the lease before the JVM exits.
 */
public final class ControllerManagerMain {

    private ControllerManagerMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Optional<ControllerManagerOptions> options;
        try {
            options = ControllerManagerArgs.parse(List.of(args));
        } catch (IllegalArgumentException e) {
            usageError(System.err, e.getMessage());
            System.exit(2);
            return;
        }
        if (options.isEmpty()) {
            System.out.print(ControllerManagerArgs.USAGE);
            return;
        }
        ControllerManagerProcess process;
        try {
            process = ControllerManagerProcess.start(options.get(), () -> System.exit(1));
        } catch (RuntimeException e) {
            System.err.println("kube-controller-manager: " + e.getMessage()
                    + (e.getCause() != null ? ": " + e.getCause().getMessage() : ""));
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(process::close, "controller-manager-shutdown"));
        process.awaitStopped();
    }

    static void usageError(PrintStream err, String message) {
        err.println("Error: " + message);
        err.print(ControllerManagerArgs.USAGE);
    }
}
