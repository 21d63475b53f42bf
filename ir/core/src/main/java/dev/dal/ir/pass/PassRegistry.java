package dev.dal.ir.pass;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * The passes known by flag name: every {@link Pass} on the class path ({@link #global()}), or a given set (tests,
 * tools that restrict what they offer). Creates a fresh instance per use, since a pass carries its option values.
 */
public final class PassRegistry {
    private static volatile PassRegistry global;

    private final TreeMap<String, Constructor<? extends Pass>> passes = new TreeMap<>();
    /** Alias to the flag name it stands for. */
    private final TreeMap<String, String> aliases = new TreeMap<>();

    private PassRegistry(Collection<Class<? extends Pass>> classes) {
        for (Class<? extends Pass> c : classes) {
            Constructor<? extends Pass> ctor;
            try {
                ctor = c.getConstructor();
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(
                        "pass class " + c.getName() + " needs a public no-argument constructor");
            }
            Pass p = instantiate(ctor);
            String arg = p.argument();
            Constructor<? extends Pass> prev = passes.putIfAbsent(arg, ctor);
            if (prev != null && prev.getDeclaringClass() != c)
                throw new IllegalStateException("two passes named '" + arg + "': "
                        + prev.getDeclaringClass().getName() + " and " + c.getName());
            for (String alias : p.aliases()) {
                String other = aliases.putIfAbsent(alias, arg);
                if (other != null && !other.equals(arg))
                    throw new IllegalStateException(
                            "alias '" + alias + "' names two passes: '" + other + "' and '" + arg + "'");
            }
        }
        for (String alias : aliases.keySet())
            if (passes.containsKey(alias))
                throw new IllegalStateException(
                        "alias '" + alias + "' of pass '" + aliases.get(alias) + "' is also the flag of another pass");
    }

    /** {@return the registry of every pass found through {@link ServiceLoader}} */
    public static PassRegistry global() {
        PassRegistry r = global;
        if (r == null) {
            synchronized (PassRegistry.class) {
                r = global;
                if (r == null) {
                    List<Class<? extends Pass>> found = new ArrayList<>();
                    ServiceLoader.load(Pass.class, PassRegistry.class.getClassLoader()).stream()
                            .forEach(p -> found.add(p.type()));
                    r = new PassRegistry(found);
                    global = r;
                }
            }
        }
        return r;
    }

    /** {@return a registry of exactly these pass classes} */
    public static PassRegistry of(List<Class<? extends Pass>> classes) {
        return new PassRegistry(classes);
    }

    /** {@return a registry holding this one's passes and {@code more}} */
    public PassRegistry with(List<Class<? extends Pass>> more) {
        List<Class<? extends Pass>> all = new ArrayList<>();
        for (Constructor<? extends Pass> c : passes.values()) all.add(c.getDeclaringClass());
        all.addAll(more);
        return new PassRegistry(all);
    }

    /** {@return a new instance of the pass with flag (or alias) {@code argument}} */
    public Optional<Pass> create(String argument) {
        Constructor<? extends Pass> c = passes.get(aliases.getOrDefault(argument, argument));
        return c == null ? Optional.empty() : Optional.of(instantiate(c));
    }

    /** {@return whether a pass has flag (or alias) {@code argument}} */
    public boolean contains(String argument) {
        return passes.containsKey(argument) || aliases.containsKey(argument);
    }

    /** {@return every pass, sorted by flag name, with default option values} */
    public List<PassInfo> passes() {
        List<PassInfo> out = new ArrayList<>();
        for (Constructor<? extends Pass> c : passes.values()) {
            Pass p = instantiate(c);
            out.add(new PassInfo(p.argument(), p.name(), p.description(), p.anchorOpName(), p.options(), p.aliases()));
        }
        return out;
    }

    /**
     * {@return the pass list for {@code --help}: each flag with its description, then its options indented}
     *
     * <pre>
     *   --canonicalize    Canonicalize operations
     *       --max-iterations=&lt;int&gt;    Max. iterations between applying patterns / simplifying regions (default: 10)
     * </pre>
     */
    public String helpText() {
        List<PassInfo> infos = passes();
        int width = 0;
        for (PassInfo p : infos) {
            width = Math.max(width, p.argument().length() + 4);
            for (OptionInfo o : p.options())
                width = Math.max(width, optionUsage(o).length() + 6);
        }
        StringBuilder sb = new StringBuilder();
        for (PassInfo p : infos) {
            String head = "  --" + p.argument();
            sb.append(head).append(" ".repeat(width + 4 - head.length())).append(p.description());
            p.anchor().ifPresent(a -> sb.append(" (on '").append(a).append("')"));
            if (!p.aliases().isEmpty())
                sb.append(" (also --").append(String.join(", --", p.aliases())).append(')');
            sb.append('\n');
            for (OptionInfo o : p.options()) {
                String line = "      " + optionUsage(o);
                sb.append(line)
                        .append(" ".repeat(Math.max(1, width + 4 - line.length())))
                        .append(o.help())
                        .append(" (default: ")
                        .append(o.defaultValue().isEmpty() ? "none" : o.defaultValue())
                        .append(")\n");
            }
        }
        return sb.toString();
    }

    private static String optionUsage(OptionInfo o) {
        return o.name() + "=<" + o.type() + ">";
    }

    private static Pass instantiate(Constructor<? extends Pass> c) {
        try {
            return c.newInstance();
        } catch (InstantiationException | IllegalAccessException e) {
            throw new IllegalStateException(
                    "cannot create pass " + c.getDeclaringClass().getName(), e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(
                    "constructor of pass " + c.getDeclaringClass().getName() + " failed", e.getCause());
        }
    }
}
