package io.kubesim.server.storage.rocksdb;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Child process of {@link RocksDbCrashRecoveryTest}: opens the store in {@code args[0]} and creates
 * keys {@code /registry/crash/t<thread>/<n>} from {@code args[1]} threads until killed, printing
 * {@code ACK <key> OK} once each create is acknowledged. Each line is one unbuffered write, which a
 * pipe delivers whole, so the parent never sees a torn acknowledgement.
 */
public final class CrashWriterMain {

    private CrashWriterMain() {
    }

    public static void main(String[] args) throws Exception {
        RocksDbStorage storage = RocksDbStorage.open(Path.of(args[0]));
        int threads = Integer.parseInt(args[1]);
        OutputStream out = new FileOutputStream(FileDescriptor.out);
        for (int t = 0; t < threads; t++) {
            String prefix = "/registry/crash/t" + t + "/";
            Thread writer = new Thread(() -> writeUntilKilled(storage, prefix, out), "crash-writer-" + t);
            writer.start();
        }
        // The parent kills this process; the writers never stop on their own.
        Thread.currentThread().join();
    }

    private static void writeUntilKilled(RocksDbStorage storage, String prefix, OutputStream out) {
        try {
            for (long n = 0; ; n++) {
                String key = prefix + n;
                storage.create(key, revision -> ("{\"rv\":" + revision + "}").getBytes(StandardCharsets.UTF_8))
                        .get(60, TimeUnit.SECONDS);
                byte[] line = ("ACK " + key + " OK\n").getBytes(StandardCharsets.UTF_8);
                synchronized (out) {
                    out.write(line);
                }
            }
        } catch (IOException | RuntimeException | java.util.concurrent.ExecutionException
                 | java.util.concurrent.TimeoutException e) {
            e.printStackTrace();
            System.exit(2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
