/**
 * The Deployment controller: one ReplicaSet per pod template (named by template hash), rolled out
 * with the RollingUpdate or Recreate strategy, scaled proportionally, with revision history,
 * pause/resume, rollback by template and the Available/Progressing conditions that
 * {@code kubectl rollout status} reads — as Kubernetes' deployment controller behaves.
 */
package io.kubesim.controllers.deployment;
