/** The pod garbage collector: force-deletes pods no kubelet will finish (orphaned, stuck terminating, old terminated). */
package io.kubesim.controllers.podgc;
