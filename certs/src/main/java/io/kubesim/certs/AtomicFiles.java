package io.kubesim.certs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes files so that readers see either the old or the new content, never a torn file, and so that secret files are
 * never readable by others, not even for an instant: content goes to a temporary file in the target directory that is
 * created owner-only, is flushed to disk, gets its final permissions and is then renamed over the target. Stateless
 * and thread-safe; concurrent writers of the same target each win atomically, the last rename prevails.
 */
final class AtomicFiles {

    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    static final Set<PosixFilePermission> WORLD_READABLE = PosixFilePermissions.fromString("rw-r--r--");

    private AtomicFiles() {
    }

    /**
     * Atomically replaces {@code target} with {@code content}.
     *
     * @param secret whether the file must be owner-only (0600); otherwise it is made 0644
     */
    static void write(Path target, byte[] content, boolean secret) throws PkiException {
        Path dir = target.toAbsolutePath().getParent();
        Path temp = null;
        try {
            Files.createDirectories(dir);
            temp = isPosix(dir)
                    ? Files.createTempFile(dir, "." + target.getFileName(), ".tmp", ownerOnlyAttribute())
                    : Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            if (!secret && isPosix(dir)) {
                Files.setPosixFilePermissions(temp, WORLD_READABLE);
            }
            moveIntoPlace(temp, target);
            temp = null;
        } catch (IOException e) {
            throw PkiException.io(target, "write", e);
        } finally {
            deleteQuietly(temp);
        }
    }

    /**
     * Removes group and other permissions from an existing secret file, for files that were created by hand or by an
     * older tool; the content is untouched.
     */
    static void restrictToOwner(Path file) throws PkiException {
        try {
            if (isPosix(file) && !Files.getPosixFilePermissions(file).stream().allMatch(OWNER_ONLY::contains)) {
                Files.setPosixFilePermissions(file, OWNER_ONLY);
            }
        } catch (IOException e) {
            throw PkiException.io(file, "restrict permissions of", e);
        }
    }

    private static void moveIntoPlace(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            // Same directory, so this only happens on exotic file systems; a plain replace is the best they offer.
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path temp) {
        if (temp == null) {
            return;
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException ignored) {
            // The original failure is what the caller needs to see; a stray temp file is harmless.
        }
    }

    private static boolean isPosix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static FileAttribute<Set<PosixFilePermission>> ownerOnlyAttribute() {
        return PosixFilePermissions.asFileAttribute(OWNER_ONLY);
    }
}
