/** The controller-manager: workload, garbage-collection, namespace, node and endpoint controllers. */
package io.kubesim.controllers;
