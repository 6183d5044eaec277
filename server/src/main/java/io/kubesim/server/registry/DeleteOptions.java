package io.kubesim.server.registry;

/**
 * A {@code metav1.DeleteOptions} as the generic store uses it.
 *
 * @param gracePeriodSeconds null when the client sent none
 * @param propagationPolicy  {@code Orphan}, {@code Background}, {@code Foreground} or null (the
 *                           kind's default: background)
 * @param preconditionUid    delete only if the object has this uid (null: any)
 * @param preconditionResourceVersion delete only at this resourceVersion (null: any)
 */
public record DeleteOptions(Long gracePeriodSeconds, String propagationPolicy, String preconditionUid,
                            String preconditionResourceVersion, boolean dryRun) {

    public static final DeleteOptions DEFAULT = new DeleteOptions(null, null, null, null, false);
}
