package io.kubesim.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * Picks a free TCP port for {@code --port 0}. The port must be known before the serving certificate
 * and kubeconfigs are written (they carry the URL) and before several event-loop servers share it.
 */
final class FreePort {

    private FreePort() {
    }

    static int find(String bindAddress) {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(bindAddress))) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on " + bindAddress, e);
        }
    }
}
