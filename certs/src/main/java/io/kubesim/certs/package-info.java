/** PKI for the cluster: a CA, serving and client certificates, and kubeconfigs (Bouncy Castle). */
package io.kubesim.certs;
