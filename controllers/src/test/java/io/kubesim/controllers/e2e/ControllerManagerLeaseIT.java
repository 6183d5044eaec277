package io.kubesim.controllers.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.kubesim.certs.ClientIdentity;
import io.kubesim.controllers.ControllerManagerOptions;
import io.kubesim.controllers.ControllerManagerProcess;
import io.kubesim.controllers.runtime.Clients;
import io.kubesim.server.ApiServer;
import io.kubesim.server.ServerConfig;

/** Two controller-managers share the kube-system/kube-controller-manager lease: one runs, one stands by. */
class ControllerManagerLeaseIT {

    private static ControllerManagerOptions options(ApiServer server, String identity) {
        return new ControllerManagerOptions(server.pki().kubeconfig(ClientIdentity.controllerManager()), "127.0.0.1",
                0, true, identity, "10.244.0.0/16", 24, Duration.ofSeconds(40), 2);
    }

    @Test
    void aStandbyTakesOverAndALostLeaseIsReported() throws Exception {
        Path dir = Files.createTempDirectory("kubesim-lease-it");
        ApiServer server = ApiServer.start(ServerConfig.defaults(dir).withPort(0));
        AtomicBoolean firstLost = new AtomicBoolean();
        AtomicBoolean secondLost = new AtomicBoolean();
        String first = "first_" + UUID.randomUUID();
        String second = "second_" + UUID.randomUUID();
        try (KubernetesClient client = Clients.fromKubeconfig(server.pki().adminKubeconfig());
             ControllerManagerProcess a = ControllerManagerProcess.start(options(server, first),
                     () -> firstLost.set(true));
             ControllerManagerProcess b = ControllerManagerProcess.start(options(server, second),
                     () -> secondLost.set(true))) {
            await().atMost(Duration.ofSeconds(60)).until(() -> a.isRunning() || b.isRunning());
            ControllerManagerProcess leader = a.isRunning() ? a : b;
            ControllerManagerProcess standby = leader == a ? b : a;
            String standbyIdentity = leader == a ? second : first;
            AtomicBoolean standbyLost = leader == a ? secondLost : firstLost;
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> !standby.isRunning());

            leader.close();
            await().atMost(Duration.ofSeconds(60)).until(standby::isRunning);
            assertThat(lease(client).getSpec().getHolderIdentity()).isEqualTo(standbyIdentity);
            assertThat(firstLost.get() || secondLost.get()).as("closing is not losing").isFalse();

            // Someone else takes the lease: the holder must notice and give up (the process would exit 1).
            String renew = ZonedDateTime.now(ZoneOffset.UTC).plusMinutes(5)
                    .format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'"));
            client.leases().inNamespace("kube-system").withName("kube-controller-manager").patch(
                    PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"holderIdentity\":\"usurper\","
                            + "\"leaseDurationSeconds\":600,\"renewTime\":\"" + renew + "\"}}");
            await().atMost(Duration.ofSeconds(60)).untilTrue(standbyLost);
        } finally {
            server.close();
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static Lease lease(KubernetesClient client) {
        return client.leases().inNamespace("kube-system").withName("kube-controller-manager").get();
    }
}
