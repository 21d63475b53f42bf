package dev.dal.ir;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** The dialects known to this process: every {@link Dialect} on the class path, loaded once. */
public final class DialectRegistry {
    private static volatile DialectRegistry global;

    private final Map<String, Dialect> dialects = new TreeMap<>();
    private final Map<String, OpDefinition> ops = new HashMap<>();

    private DialectRegistry(Iterable<Dialect> found) {
        for (Dialect d : found) {
            Dialect prev = dialects.putIfAbsent(d.name(), d);
            if (prev != null && prev.getClass() != d.getClass())
                throw new IllegalStateException("two dialects named '" + d.name() + "': "
                        + prev.getClass().getName() + " and " + d.getClass().getName());
            for (OpDefinition op : d.ops()) ops.put(op.name(), op);
        }
    }

    /** {@return the registry of everything on the class path} */
    public static DialectRegistry global() {
        DialectRegistry r = global;
        if (r == null) {
            synchronized (DialectRegistry.class) {
                r = global;
                if (r == null) {
                    r = new DialectRegistry(ServiceLoader.load(Dialect.class, DialectRegistry.class.getClassLoader()));
                    global = r;
                }
            }
        }
        return r;
    }

    /** {@return the dialect of a name} */
    public Optional<Dialect> dialect(String name) {
        return Optional.ofNullable(dialects.get(name));
    }

    /** {@return all dialects, by name} */
    public Map<String, Dialect> dialects() {
        return Collections.unmodifiableMap(dialects);
    }

    /** {@return the definition of a full op name} */
    public Optional<OpDefinition> lookupOp(String name) {
        return Optional.ofNullable(ops.get(name));
    }

    /** {@return every registered op definition} */
    public List<OpDefinition> allOps() {
        return ops.values().stream()
                .sorted(java.util.Comparator.comparing(OpDefinition::name))
                .toList();
    }
}
