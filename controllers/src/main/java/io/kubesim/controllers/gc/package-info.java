/**
 * The garbage collector: an owner → dependents graph by uid over every served kind, background,
 * foreground and orphan deletion.
 */
package io.kubesim.controllers.gc;
