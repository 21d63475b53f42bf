package dev.dal.ir.pass;

import dev.dal.ir.Operation;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A transformation or analysis run on one op at a time: the flag name users write ({@link #argument()}), a
 * description, the op kind it is anchored on, options (fields annotated {@link Option}, defaults as initial values)
 * and statistics ({@link #statistic(String, String)}).
 *
 * <p>Passes are found through {@link java.util.ServiceLoader} ({@code META-INF/services/dev.dal.ir.pass.Pass});
 * a pass class needs a public no-argument constructor, and one file per pass, named after its flag
 * ({@code CanonicalizePass} for {@code canonicalize}). A pass instance is used for one position in one pipeline;
 * it may run on many ops one after another, so keep per-run state local to {@link #runOnOperation}.
 */
public abstract class Pass {
    private final List<Statistic> statistics = new ArrayList<>();
    private Map<String, Field> optionFields;

    /** {@return the flag name: {@code canonicalize}, {@code cse}} */
    public abstract String argument();

    /** {@return a one-line description for {@code --help}} */
    public abstract String description();

    /**
     * {@return other flag names that select this pass ({@code fuse} for {@code graph-fuse}); none by default}
     * An alias is a second name on the command line and in pipelines, never a second pass.
     */
    public List<String> aliases() {
        return List.of();
    }

    /** {@return the name shown in IR dumps and reports ({@code Canonicalizer}); the class name without "Pass"} */
    public String name() {
        String n = getClass().getSimpleName();
        return n.endsWith("Pass") && n.length() > 4 ? n.substring(0, n.length() - 4) : n;
    }

    /** {@return the op name the pass runs on ({@code func.func}), or empty if it runs on any op} */
    public Optional<String> anchorOpName() {
        return Optional.empty();
    }

    /**
     * Runs the pass on {@code op}. Report problems through {@code ctx.diagnostics()} and call
     * {@code ctx.signalPassFailure()} when the pass cannot do its job.
     */
    public abstract void runOnOperation(Operation op, PassContext ctx);

    // ---- statistics -----------------------------------------------------------------------------------------

    /** Creates and registers a statistic; call it in a field initializer. */
    protected final Statistic statistic(String name, String description) {
        Statistic s = new Statistic(name, description);
        statistics.add(s);
        return s;
    }

    /** {@return the statistics, in creation order} */
    public final List<Statistic> statistics() {
        return Collections.unmodifiableList(statistics);
    }

    // ---- options --------------------------------------------------------------------------------------------

    private Map<String, Field> optionFields() {
        if (optionFields == null) {
            Map<String, Field> m = new LinkedHashMap<>();
            List<Class<?>> chain = new ArrayList<>();
            for (Class<?> c = getClass(); c != Pass.class; c = c.getSuperclass()) chain.addFirst(c);
            for (Class<?> c : chain)
                for (Field f : c.getDeclaredFields()) {
                    Option o = f.getAnnotation(Option.class);
                    if (o == null) continue;
                    if (Modifier.isStatic(f.getModifiers()) || Modifier.isFinal(f.getModifiers()))
                        throw new IllegalStateException("option field " + f + " must be an instance field, not final");
                    OptionValues.validate(f).ifPresent(msg -> {
                        throw new IllegalStateException(msg + " (field " + f + ")");
                    });
                    f.setAccessible(true);
                    if (m.put(o.name(), f) != null)
                        throw new IllegalStateException(
                                "pass '" + argument() + "' declares option '" + o.name() + "' twice");
                }
            optionFields = m;
        }
        return optionFields;
    }

    /** {@return the options with their current values as defaults, in declaration order} */
    public final List<OptionInfo> options() {
        List<OptionInfo> out = new ArrayList<>();
        for (Map.Entry<String, Field> e : optionFields().entrySet()) {
            Field f = e.getValue();
            out.add(new OptionInfo(
                    e.getKey(),
                    f.getAnnotation(Option.class).help(),
                    OptionValues.typeName(f),
                    OptionValues.format(read(f))));
        }
        return out;
    }

    /**
     * Sets an option from its text.
     *
     * @return empty on success, else an error message (naming the unknown option and the valid ones, or saying
     *         what value was expected)
     */
    public final Optional<String> setOption(String name, String value) {
        Field f = optionFields().get(name);
        if (f == null) {
            String valid = optionFields().isEmpty()
                    ? "it has no options"
                    : "valid options: " + String.join(", ", optionFields().keySet());
            return Optional.of("'" + argument() + "' pass has no option '" + name + "'; " + valid);
        }
        try {
            Object v = OptionValues.parse(f, value);
            f.set(this, v);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(
                    "invalid value for option '" + name + "' of pass '" + argument() + "': " + e.getMessage());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@return the current value of an option, as pipeline text} */
    public final Optional<String> optionValue(String name) {
        Field f = optionFields().get(name);
        return f == null ? Optional.empty() : Optional.of(OptionValues.format(read(f)));
    }

    private Object read(Field f) {
        try {
            return f.get(this);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@return the pass as pipeline text: {@code canonicalize{max-iterations=10 top-down=true}}} */
    public final String toPipelineString() {
        List<OptionInfo> opts = options();
        if (opts.isEmpty()) return argument();
        StringBuilder sb = new StringBuilder(argument()).append('{');
        for (int i = 0; i < opts.size(); i++) {
            if (i > 0) sb.append(' ');
            sb.append(opts.get(i).name()).append('=').append(opts.get(i).defaultValue());
        }
        return sb.append('}').toString();
    }
}
