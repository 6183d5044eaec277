package io.kubesim.controllers.runtime;

import java.time.Duration;

/** What a reconcile asks for next: nothing, or another pass after a delay. */
public record Result(Duration requeueAfter) {

    public static final Result DONE = new Result(null);

    public static Result requeueAfter(Duration d) {
        return new Result(d);
    }

    public boolean requeue() {
        return requeueAfter != null;
    }
}
