package io.kubesim.controllers.deployment;

import java.util.List;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.RollingUpdateDeployment;
import io.kubesim.controllers.support.IntOrPercent;
import io.kubesim.controllers.support.Numbers;

/**
 * The numbers of a rollout: maxSurge (percent rounded up) and maxUnavailable (percent rounded
 * down, at least 1 if both resolve to 0, at most the replica count), the new ReplicaSet's next
 * size, and proportional shares when a deployment is scaled mid-rollout — as Kubernetes' deployment
 * util computes them. Stateless.
 */
final class RolloutMath {

    static final String ROLLING_UPDATE = "RollingUpdate";
    static final String RECREATE = "Recreate";

    private RolloutMath() {
    }

    static int replicas(Deployment d) {
        return Numbers.orZero(d.getSpec().getReplicas());
    }

    static int replicas(ReplicaSet rs) {
        return Numbers.orZero(rs.getSpec().getReplicas());
    }

    static boolean isRollingUpdate(Deployment d) {
        return d.getSpec().getStrategy() == null || d.getSpec().getStrategy().getType() == null
                || ROLLING_UPDATE.equals(d.getSpec().getStrategy().getType());
    }

    static boolean isRecreate(Deployment d) {
        return d.getSpec().getStrategy() != null && RECREATE.equals(d.getSpec().getStrategy().getType());
    }

    /** (maxSurge, maxUnavailable) resolved against {@code desired}, as {@code ResolveFenceposts}. */
    static int[] fenceposts(Deployment d, int desired) {
        RollingUpdateDeployment ru = rolling(d);
        int surge = IntOrPercent.scaled(ru.getMaxSurge(), desired, true);
        int unavailable = IntOrPercent.scaled(ru.getMaxUnavailable(), desired, false);
        if (surge == 0 && unavailable == 0) {
            // Rounding may zero both; keep the rollout able to move.
            unavailable = 1;
        }
        return new int[] {surge, unavailable};
    }

    static int maxSurge(Deployment d) {
        return isRollingUpdate(d) ? fenceposts(d, replicas(d))[0] : 0;
    }

    static int maxUnavailable(Deployment d) {
        if (!isRollingUpdate(d)) {
            return 0;
        }
        return Math.min(fenceposts(d, replicas(d))[1], replicas(d));
    }

    /** The size the new ReplicaSet may grow to now. */
    static int newReplicaSetReplicas(Deployment d, List<ReplicaSet> all, ReplicaSet newRS) {
        if (isRecreate(d)) {
            return replicas(d);
        }
        int surge = IntOrPercent.scaled(rolling(d).getMaxSurge(), replicas(d), true);
        int current = ReplicaSets.specReplicas(all);
        int maxTotal = replicas(d) + surge;
        if (current >= maxTotal) {
            return replicas(newRS);
        }
        int scaleUp = Math.min(maxTotal - current, replicas(d) - replicas(newRS));
        return replicas(newRS) + scaleUp;
    }

    /**
     * How many replicas {@code rs} gets of the {@code toAdd} being distributed (negative when
     * scaling down), given {@code added} were handed out already.
     */
    static int proportion(ReplicaSet rs, Deployment d, int toAdd, int added) {
        if (rs == null || replicas(rs) == 0 || toAdd == 0 || toAdd == added) {
            return 0;
        }
        int fraction = fraction(rs, d);
        int allowed = toAdd - added;
        return toAdd > 0 ? Math.min(fraction, allowed) : Math.max(fraction, allowed);
    }

    private static int fraction(ReplicaSet rs, Deployment d) {
        if (replicas(d) == 0) {
            return -replicas(rs);
        }
        int deploymentMax = replicas(d) + maxSurge(d);
        Integer before = ReplicaSets.maxReplicasAnnotation(rs);
        int base = before == null || before == 0 ? statusReplicas(d) : before;
        if (base == 0) {
            return 0;
        }
        double size = (double) replicas(rs) * deploymentMax / base;
        return (int) Math.round(size) - replicas(rs);
    }

    private static int statusReplicas(Deployment d) {
        return d.getStatus() == null ? 0 : Numbers.orZero(d.getStatus().getReplicas());
    }

    private static RollingUpdateDeployment rolling(Deployment d) {
        RollingUpdateDeployment ru = d.getSpec().getStrategy() == null ? null
                : d.getSpec().getStrategy().getRollingUpdate();
        if (ru == null) {
            ru = new RollingUpdateDeployment();
            ru.setMaxSurge(new IntOrString("25%"));
            ru.setMaxUnavailable(new IntOrString("25%"));
        }
        return ru;
    }
}
