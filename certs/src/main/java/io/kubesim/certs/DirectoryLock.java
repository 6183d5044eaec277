package io.kubesim.certs;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive advisory lock on a lock file, so that two processes (say a deploy script running {@code gen-certs}
 * while a server starts) never both create a CA or issue the same certificate. Blocks until the lock is free.
 * Within one JVM the lock is not reentrant: a second concurrent holder fails fast instead of deadlocking.
 * Each instance is used by one thread, from {@link #acquire} to {@link #release}.
 */
final class DirectoryLock {

    private final FileChannel channel;

    private DirectoryLock(FileChannel channel) {
        this.channel = channel;
    }

    static DirectoryLock acquire(Path lockFile) throws PkiException {
        FileChannel channel = null;
        try {
            Files.createDirectories(lockFile.toAbsolutePath().getParent());
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            channel.lock();
            return new DirectoryLock(channel);
        } catch (OverlappingFileLockException e) {
            closeQuietly(channel);
            throw new PkiException(lockFile + ": PKI generation is already running in this process", e);
        } catch (IOException e) {
            closeQuietly(channel);
            throw PkiException.io(lockFile, "lock", e);
        }
    }

    /** Releases the lock; the lock file stays, removing it would race with the next holder. */
    void release() {
        closeQuietly(channel);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // Closing releases the lock even when it reports an error, and nothing could be done about it anyway.
        }
    }
}
