/**
 * Building blocks shared by the workload controllers of the controller-manager: read-only object
 * stores over informer caches, event sinks, label selectors, owner references and claiming, pod
 * predicates, template hashing, creation/deletion expectations and slow-start batching. Nothing
 * here knows a particular controller.
 */
package io.kubesim.controllers.support;
