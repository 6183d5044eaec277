package io.kubesim.server.registry;

/**
 * Query options of a create, update or patch.
 *
 * @param dryRun          {@code dryRun=All}: validate and answer, but do not persist
 * @param fieldValidation {@code Strict} (reject unknown fields), {@code Warn} or {@code Ignore}
 * @param fieldManager    the writer's name; recorded for managed fields
 */
public record WriteOptions(boolean dryRun, FieldValidation fieldValidation, String fieldManager) {

    public static final WriteOptions DEFAULT = new WriteOptions(false, FieldValidation.Warn, null);

    /** {@code fieldValidation} values; the real server defaults to Warn when the client sends none. */
    public enum FieldValidation { Ignore, Warn, Strict }
}
