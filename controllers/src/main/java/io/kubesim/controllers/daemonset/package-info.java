/**
 * The DaemonSet controller: one pod per eligible node, placed by the default scheduler through a
 * {@code metadata.name} node affinity, rolling updates, status. Revisions are the
 * {@code controller-revision-hash} label only; no ControllerRevision objects are kept.
 */
package io.kubesim.controllers.daemonset;
