package io.kubesim.scheduler.framework;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

import io.fabric8.kubernetes.api.model.Quantity;

/**
 * An amount of the resources the scheduler accounts for, in integer base units as kube-scheduler keeps them: CPU in
 * millicores, memory and ephemeral storage in bytes, and a pod count. Fractions round up, like
 * {@code Quantity.MilliValue()}/{@code Value()}. Immutable.
 */
public record Resources(long milliCpu, long memory, long ephemeralStorage, long pods) {

    public static final Resources ZERO = new Resources(0, 0, 0, 0);

    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

    /**
     * The resources of a resource list ({@code cpu}, {@code memory}, {@code ephemeral-storage}, {@code pods});
     * others are ignored.
     */
    public static Resources of(Map<String, Quantity> list) {
        if (list == null || list.isEmpty()) {
            return ZERO;
        }
        return new Resources(milli(list.get("cpu")), value(list.get("memory")),
                value(list.get("ephemeral-storage")), value(list.get("pods")));
    }

    /** A quantity in thousandths of its unit, rounded up; 0 when absent. */
    public static long milli(Quantity q) {
        if (q == null) {
            return 0;
        }
        return q.getNumericalAmount().multiply(THOUSAND).setScale(0, RoundingMode.CEILING).longValueExact();
    }

    /** A quantity in its base unit, rounded up; 0 when absent. */
    public static long value(Quantity q) {
        if (q == null) {
            return 0;
        }
        return q.getNumericalAmount().setScale(0, RoundingMode.CEILING).longValueExact();
    }

    public Resources plus(Resources o) {
        return new Resources(milliCpu + o.milliCpu, memory + o.memory, ephemeralStorage + o.ephemeralStorage,
                pods + o.pods);
    }

    public Resources minus(Resources o) {
        return new Resources(milliCpu - o.milliCpu, memory - o.memory, ephemeralStorage - o.ephemeralStorage,
                pods - o.pods);
    }

    /** The larger amount in each dimension. */
    public Resources max(Resources o) {
        return new Resources(Math.max(milliCpu, o.milliCpu), Math.max(memory, o.memory),
                Math.max(ephemeralStorage, o.ephemeralStorage), Math.max(pods, o.pods));
    }

    /** True when no CPU, memory or ephemeral storage is requested (the pod count does not matter). */
    public boolean isZero() {
        return milliCpu == 0 && memory == 0 && ephemeralStorage == 0;
    }
}
