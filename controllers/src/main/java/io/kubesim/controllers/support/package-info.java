/**
 * Building blocks shared by the controller-manager's controllers: stores over informer caches,
 * event sinks, served kinds, and upstream's helpers for taints, node selectors, pods and nodes.
 * Nothing here is specific to one controller.
 */
package io.kubesim.controllers.support;
