package io.kubesim.server.e2e;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.SecureRandom;

/**
 * Sends one hand-built TLS ClientHello that offers a single protocol version and reports what the
 * server's first record says. The JDK refuses to even offer TLS 1.1 (it is in
 * {@code jdk.tls.disabledAlgorithms}), so a JDK client cannot show that the <em>server</em> refuses
 * it; raw bytes can. Stateless.
 */
final class TlsHelloProbe {

    static final int TLS_1_1 = 0x0302;
    static final int TLS_1_2 = 0x0303;

    private static final int TIMEOUT_MILLIS = 10_000;

    private TlsHelloProbe() {
    }

    /**
     * What the server answered: a ServerHello with the version it chose, a fatal alert with its
     * description code, or nothing (the connection was closed).
     */
    record Answer(Integer serverHelloVersion, Integer alertDescription) {
        boolean closedWithoutAnswer() {
            return serverHelloVersion == null && alertDescription == null;
        }
    }

    static Answer hello(String host, int port, int version) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), TIMEOUT_MILLIS);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            out.write(clientHello(version));
            out.flush();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            int type;
            byte[] body;
            try {
                type = in.readUnsignedByte();
                in.readUnsignedShort();
                body = new byte[in.readUnsignedShort()];
                in.readFully(body);
            } catch (EOFException e) {
                return new Answer(null, null);
            }
            if (type == 0x16 && body.length >= 6 && body[0] == 0x02) {
                return new Answer(((body[4] & 0xff) << 8) | (body[5] & 0xff), null);
            }
            if (type == 0x15 && body.length == 2) {
                return new Answer(null, body[1] & 0xff);
            }
            throw new IOException("unexpected TLS record type " + type);
        }
    }

    /** A ClientHello with ECDHE suites usable from TLS 1.0 to 1.2 and no supported_versions extension. */
    private static byte[] clientHello(int version) {
        ByteArrayOutputStream extensions = new ByteArrayOutputStream();
        // supported_groups: secp256r1, x25519
        extension(extensions, 0x000a, new byte[] {0x00, 0x04, 0x00, 0x17, 0x00, 0x1d});
        // ec_point_formats: uncompressed
        extension(extensions, 0x000b, new byte[] {0x01, 0x00});
        // signature_algorithms: ecdsa_secp256r1_sha256, rsa_pss_rsae_sha256, rsa_pkcs1_sha256
        extension(extensions, 0x000d, new byte[] {0x00, 0x06, 0x04, 0x03, 0x08, 0x04, 0x04, 0x01});

        ByteArrayOutputStream hello = new ByteArrayOutputStream();
        u16(hello, version);
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        hello.writeBytes(random);
        hello.write(0); // no session id
        int[] suites = {0xc02b, 0xc02f, 0xc009, 0xc013, 0xc00a, 0xc014, 0x00ff};
        u16(hello, suites.length * 2);
        for (int s : suites) {
            u16(hello, s);
        }
        hello.write(1); // one compression method: null
        hello.write(0);
        u16(hello, extensions.size());
        hello.writeBytes(extensions.toByteArray());

        ByteArrayOutputStream handshake = new ByteArrayOutputStream();
        handshake.write(0x01);
        handshake.write(hello.size() >>> 16);
        u16(handshake, hello.size() & 0xffff);
        handshake.writeBytes(hello.toByteArray());

        ByteArrayOutputStream record = new ByteArrayOutputStream();
        record.write(0x16);
        u16(record, 0x0301);
        u16(record, handshake.size());
        record.writeBytes(handshake.toByteArray());
        return record.toByteArray();
    }

    private static void extension(ByteArrayOutputStream out, int type, byte[] data) {
        u16(out, type);
        u16(out, data.length);
        out.writeBytes(data);
    }

    private static void u16(ByteArrayOutputStream out, int v) {
        out.write(v >>> 8);
        out.write(v & 0xff);
    }
}
