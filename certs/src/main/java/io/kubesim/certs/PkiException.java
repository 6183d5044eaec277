package io.kubesim.certs;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A PKI file is missing, unreadable, corrupt or inconsistent (for example a private key that does not belong to its
 * certificate), or could not be written. The message always names the file concerned, so it can be shown to an
 * operator as is; the command line prints it without a stack trace. Immutable once thrown.
 */
public final class PkiException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Creates an exception whose message is the given text; the text should already name the file. */
    public PkiException(String message) {
        super(message);
    }

    /** Creates an exception whose message is the given text, keeping the underlying cause for diagnostics. */
    public PkiException(String message, Throwable cause) {
        super(message, cause);
    }

    /** {@code FILE: problem}. */
    static PkiException forFile(Path file, String problem) {
        return new PkiException(file + ": " + problem);
    }

    /** {@code FILE: cannot ACTION: reason}, for an I/O failure on that file. */
    static PkiException io(Path file, String action, IOException cause) {
        return new PkiException(file + ": cannot " + action + ": " + describe(cause), cause);
    }

    private static String describe(IOException e) {
        // NoSuchFileException and AccessDeniedException carry only the path as message; their type says more.
        String type = e.getClass().getSimpleName();
        String message = e.getMessage();
        return message == null ? type : type + " (" + message + ")";
    }
}
