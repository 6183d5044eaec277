/**
 * Building blocks shared by the controller-manager's controllers: read-only object stores over
 * informer caches, event sinks, API error reading, label and node selectors, owner references,
 * owner resolution and claiming, pod and node state, taints, template hashing, int-or-percent and
 * optional-number arithmetic, creation/deletion expectations, slow-start batching and the kinds
 * the server serves. Nothing here knows a particular controller.
 */
package io.kubesim.controllers.support;
