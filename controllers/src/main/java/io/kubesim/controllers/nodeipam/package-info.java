/** Node IPAM: per-node pod CIDRs carved from the cluster CIDR. */
package io.kubesim.controllers.nodeipam;
