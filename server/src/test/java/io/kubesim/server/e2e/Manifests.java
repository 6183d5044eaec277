package io.kubesim.server.e2e;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** The YAML manifests under {@code src/test/resources/e2e/}, as file paths kubectl can read. */
final class Manifests {

    private Manifests() {
    }

    /** The absolute path of {@code e2e/<name>} on the test class path; kubectl echoes it in errors. */
    static String path(String name) {
        URL url = Manifests.class.getResource("/e2e/" + name);
        if (url == null) {
            throw new IllegalArgumentException("no test manifest e2e/" + name);
        }
        try {
            return Path.of(url.toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
