/**
 * The ReplicaSet controller: keeps {@code spec.replicas} active pods per ReplicaSet, adopting and
 * releasing pods by selector, creating in slow-start batches, deleting the least valuable pods
 * first, and reporting status and events as Kubernetes' replicaset controller does.
 */
package io.kubesim.controllers.replicaset;
