package io.kubesim.server.registry.kinds;

import io.kubesim.server.registry.ResourceStrategy;

/**
 * ServiceAccounts ({@code v1}): nothing beyond the common metadata rules (subdomain names), as
 * upstream. Stateless and thread-safe.
 */
public final class ServiceAccountStrategy implements ResourceStrategy {
}
