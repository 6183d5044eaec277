package io.kubesim.certs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class PkiRequestTest {

    private static final Path DIR = Path.of("/data");

    @Test
    void defaultsAndDeduplication() {
        PkiRequest request = new PkiRequest(DIR, PkiRequest.DEFAULT_SERVER, List.of("a.example", " a.example", "::1"),
                List.of("n1", "n1", "n2"));

        assertThat(request.extraSans()).containsExactly("a.example", "::1");
        assertThat(request.nodeNames()).containsExactly("n1", "n2");
        assertThat(PkiRequest.of(DIR).server()).isEqualTo(URI.create("https://127.0.0.1:6443"));
        assertThat(PkiRequest.of(DIR).withServer(URI.create("https://[fd00::1]:6443")).serverHost())
                .isEqualTo("fd00::1");
    }

    @Test
    void rejectsInvalidValues() {
        assertThatThrownBy(() -> PkiRequest.of(DIR).withServer(URI.create("http://127.0.0.1:6443")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("https://");
        assertThatThrownBy(() -> PkiRequest.of(DIR).withServer(URI.create("https:///path")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PkiRequest.of(DIR).withExtraSans(List.of("not a name")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("not an IP address or DNS name: not a name");
        assertThatThrownBy(() -> PkiRequest.of(DIR).withNodes(List.of("../etc")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("invalid node name");
        assertThatThrownBy(() -> PkiRequest.of(DIR).withNodes(List.of("")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void servingSpecSplitsIpsFromDnsNames() throws Exception {
        PkiRequest request = PkiRequest.of(DIR).withServer(URI.create("https://Master.Example:6443"))
                .withExtraSans(List.of("10.0.0.1", "*.apps.example", "fd00::1"));

        LeafSpec spec = ServingNames.spec(request, Optional.of("myhost"));

        assertThat(spec.dnsNames()).containsExactly("localhost", "kubernetes", "kubernetes.default",
                "kubernetes.default.svc", "kubernetes.default.svc.cluster.local", "myhost", "master.example",
                "*.apps.example");
        assertThat(spec.ipAddresses()).containsExactly(InetAddress.getByName("127.0.0.1"),
                InetAddress.getByName("::1"), InetAddress.getByName("10.0.0.1"), InetAddress.getByName("fd00::1"));
        assertThat(spec.serverAuth()).isTrue();
        assertThat(spec.clientAuth()).isFalse();
    }

    @Test
    void hostNameRules() {
        assertThat(HostNames.isDnsName("a-b.example.com")).isTrue();
        assertThat(HostNames.isDnsName("*.example.com")).isTrue();
        assertThat(HostNames.isDnsName("*")).isFalse();
        assertThat(HostNames.isDnsName("-a.example")).isFalse();
        assertThat(HostNames.isDnsName("a..b")).isFalse();
        assertThat(HostNames.isDnsName("x".repeat(64))).isFalse();
        assertThat(HostNames.isIpLiteral("0:0:0:0:0:0:0:1")).isTrue();
        assertThat(HostNames.isIpLiteral("300.1.1.1")).isFalse();
        assertThat(HostNames.isNodeName("worker-1.zone")).isTrue();
        assertThat(HostNames.isNodeName("Worker")).isFalse();
    }
}
