/**
 * The StatefulSet controller: pods with stable names {@code <set>-<ordinal>}, created in order and
 * removed in reverse order (or all at once with the Parallel policy), replaced one at a time from
 * the highest ordinal on a template change, and the status {@code kubectl rollout status} reads —
 * as Kubernetes' statefulset controller behaves. Revisions are template hashes carried in the
 * {@code controller-revision-hash} label; ControllerRevision objects are not written (the API
 * server does not serve them), so there is no revision history to roll back to.
 */
package io.kubesim.controllers.statefulset;
