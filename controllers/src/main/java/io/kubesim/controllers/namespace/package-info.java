/** The namespace controller: empties terminating namespaces and removes their {@code kubernetes} finalizer. */
package io.kubesim.controllers.namespace;
