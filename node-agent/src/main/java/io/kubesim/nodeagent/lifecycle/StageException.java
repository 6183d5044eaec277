package io.kubesim.nodeagent.lifecycle;

/** A stage that cannot be loaded or rendered: bad YAML, an unknown operator or token. */
public class StageException extends RuntimeException {

    public StageException(String message) {
        super(message);
    }

    public StageException(String message, Throwable cause) {
        super(message, cause);
    }
}
