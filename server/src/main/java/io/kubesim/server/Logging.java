package io.kubesim.server;

import java.util.logging.ConsoleHandler;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Log set-up of the server process (java.util.logging behind SLF4J): one line per record with a
 * timestamp, and the per-request access log only when asked for, because writing a line per
 * request costs a measurable share of the request path.
 */
final class Logging {

    private static final String FORMAT = "java.util.logging.SimpleFormatter.format";

    private Logging() {
    }

    static void configure(boolean accessLog) {
        if (System.getProperty(FORMAT) == null) {
            System.setProperty(FORMAT, "%1$tFT%1$tT.%1$tLZ %4$s %3$s: %5$s%6$s%n");
        }
        if (accessLog) {
            Logger access = Logger.getLogger("io.kubesim.server.access");
            ConsoleHandler handler = new ConsoleHandler();
            handler.setLevel(Level.FINE);
            access.setLevel(Level.FINE);
            access.addHandler(handler);
            access.setUseParentHandlers(false);
        }
    }
}
