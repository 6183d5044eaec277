package io.kubesim.scheduler;

/** The API server refused a write of the scheduler; {@link #getMessage} is the server's Status message. */
public final class PodApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int code;

    public PodApiException(int code, String message) {
        super(message);
        this.code = code;
    }

    /** The HTTP status code. */
    public int code() {
        return code;
    }
}
