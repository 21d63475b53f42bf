package dev.dal.ir.pass;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A counter a pass keeps about its work ({@code num-cse'd}), printed by {@code --pass-statistics}. Create one with
 * {@link Pass#statistic(String, String)} in a field initializer; counts add up over every op the pass runs on.
 */
public final class Statistic {
    private final String name;
    private final String description;
    private final AtomicLong value = new AtomicLong();

    Statistic(String name, String description) {
        this.name = Objects.requireNonNull(name);
        this.description = Objects.requireNonNull(description);
    }

    /** {@return the statistic's name, e.g. {@code num-cse'd}} */
    public String name() {
        return name;
    }

    /** {@return a one-line description} */
    public String description() {
        return description;
    }

    /** {@return the current count} */
    public long get() {
        return value.get();
    }

    /** Adds one. */
    public void increment() {
        value.incrementAndGet();
    }

    /** Adds {@code n}. */
    public void add(long n) {
        value.addAndGet(n);
    }

    /** Sets the count back to zero. */
    public void reset() {
        value.set(0);
    }
}
