package dev.dal.ir.pass;

import dev.dal.ir.Block;
import dev.dal.ir.Operation;
import dev.dal.ir.Region;
import dev.dal.ir.diag.Diagnostic;
import dev.dal.ir.diag.DiagnosticEngine;
import dev.dal.ir.verify.Verifier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A pipeline anchored on an op name: passes that run on the anchor op, and nested pipelines that run on every op
 * of their anchor name directly inside the anchor op's regions (as MLIR's {@code OpPassManager}). The anchor
 * {@value #ANY} matches any op; nested {@code any} pipelines run on every isolated child op.
 *
 * <p>Runs are sequential: nested pipelines visit their ops one after another, not in parallel.
 *
 * <pre>{@code
 * PassManager pm = PipelineParser.parse("builtin.module(func.func(cse),canonicalize)", PassRegistry.global());
 * boolean ok = pm.run(module, new PassRunConfig().timing(true).out(stderr), diagnostics);
 * }</pre>
 */
public final class PassManager {
    /** The anchor that matches every op. */
    public static final String ANY = "any";

    private final String anchor;
    private final List<Object> entries = new ArrayList<>();

    /** Timing of one pass position or one nested pipeline, summed over every op it ran on. */
    private static final class Timed<T> {
        final T item;
        long nanos;

        Timed(T item) {
            this.item = item;
        }
    }

    /** Creates an empty pipeline anchored on {@code anchorOpName} (an op name or {@value #ANY}). */
    public PassManager(String anchorOpName) {
        this.anchor = Objects.requireNonNull(anchorOpName);
    }

    /** {@return the op name this pipeline runs on, or {@value #ANY}} */
    public String anchor() {
        return anchor;
    }

    /**
     * {@return why {@code pass} cannot be added to this pipeline, if it cannot: it is restricted to another op kind
     * than this pipeline's anchor}
     */
    public Optional<String> whyCannotAdd(Pass pass) {
        Optional<String> a = pass.anchorOpName();
        if (a.isEmpty() || anchor.equals(ANY) || a.get().equals(anchor)) return Optional.empty();
        return Optional.of("pass '" + pass.argument() + "' is restricted to '" + a.get()
                + "' ops but this pipeline runs on '" + anchor + "'; did you mean to nest it in '" + a.get()
                + "(...)'?");
    }

    /** Adds a pass. @return this @throws IllegalArgumentException if the pass is restricted to another op kind */
    public PassManager addPass(Pass pass) {
        whyCannotAdd(pass).ifPresent(m -> {
            throw new IllegalArgumentException(m);
        });
        entries.add(new Timed<>(pass));
        return this;
    }

    /** Adds a nested pipeline on ops named {@code opName} and returns it (to add passes to). */
    public PassManager nest(String opName) {
        PassManager nested = new PassManager(opName);
        entries.add(new Timed<>(nested));
        return nested;
    }

    /** {@return the passes and nested pipelines, in order (each a {@link Pass} or a {@link PassManager})} */
    public List<Object> entries() {
        List<Object> out = new ArrayList<>();
        for (Object e : entries) out.add(((Timed<?>) e).item);
        return Collections.unmodifiableList(out);
    }

    /** {@return the pipeline as text, options included: {@code builtin.module(func.func(cse),canonicalize{...})}} */
    public String toPipelineString() {
        StringBuilder sb = new StringBuilder(anchor).append('(');
        for (int i = 0; i < entries.size(); i++) {
            if (i > 0) sb.append(',');
            Object item = ((Timed<?>) entries.get(i)).item;
            sb.append(item instanceof Pass p ? p.toPipelineString() : ((PassManager) item).toPipelineString());
        }
        return sb.append(')').toString();
    }

    @Override
    public String toString() {
        return toPipelineString();
    }

    // ---- running --------------------------------------------------------------------------------------------

    /**
     * Runs the pipeline on {@code root}, instrumented as {@code config} says; problems go to {@code diag}.
     *
     * @return whether every pass succeeded (and, with verify-each, left valid IR)
     */
    public boolean run(Operation root, PassRunConfig config, DiagnosticEngine diag) {
        resetTimers();
        Run run = new Run(config, diag);
        long t0 = System.nanoTime();
        boolean ok;
        if (!anchor.equals(ANY) && !root.name().equals(anchor)) {
            diag.report(Diagnostic.error(
                    root.loc(), "can't run '" + anchor + "' pass manager on '" + root.name() + "' op"));
            ok = false;
        } else {
            ok = run.pipeline(this, root);
        }
        long total = System.nanoTime() - t0;
        if (config.timing()) run.write(new PassReports(this).timing(total));
        if (config.statistics()) run.write(new PassReports(this).statistics());
        return ok;
    }

    private void resetTimers() {
        for (Object e : entries) {
            Timed<?> t = (Timed<?>) e;
            t.nanos = 0;
            if (t.item instanceof PassManager pm) pm.resetTimers();
        }
    }

    /**
     * Adds this pipeline's wall times of the last {@link #run} to {@code report}, one row per pass position and
     * nested pipeline ({@code 'func.func' Pipeline}), at nesting depth {@code depth} and below. For tools that
     * time more than the passes: turn {@link PassRunConfig#timing} off and render their own report.
     */
    public void appendTimings(TimingReport report, int depth) {
        PassReports.timingRows(report, this, depth);
    }

    /** {@return each entry with its accumulated wall time in nanoseconds, for reports} */
    List<Object[]> timedEntries() {
        List<Object[]> out = new ArrayList<>();
        for (Object e : entries) out.add(new Object[] {((Timed<?>) e).item, ((Timed<?>) e).nanos});
        return out;
    }

    /** The state of one {@link #run}. */
    private static final class Run {
        final PassRunConfig config;
        final DiagnosticEngine diag;

        Run(PassRunConfig config, DiagnosticEngine diag) {
            this.config = config;
            this.diag = diag;
        }

        boolean pipeline(PassManager pm, Operation op) {
            for (Object e : pm.entries) {
                Timed<?> t = (Timed<?>) e;
                long t0 = System.nanoTime();
                boolean ok = t.item instanceof Pass p ? pass(p, op) : nested((PassManager) t.item, op);
                t.nanos += System.nanoTime() - t0;
                if (!ok) return false;
            }
            return true;
        }

        private boolean nested(PassManager pm, Operation op) {
            List<Operation> targets = new ArrayList<>();
            for (Region r : op.regions())
                for (Block b : r.blocks())
                    for (Operation child : b.ops()) {
                        if (pm.anchor.equals(ANY)) {
                            if (child.isIsolatedFromAbove() || !child.isRegistered()) targets.add(child);
                        } else if (child.name().equals(pm.anchor)) {
                            if (child.isRegistered() && !child.isIsolatedFromAbove()) {
                                diag.report(Diagnostic.opError(
                                        child,
                                        "trying to schedule a pass on an operation not marked as 'IsolatedFromAbove'"));
                                return false;
                            }
                            targets.add(child);
                        }
                    }
            for (Operation child : targets) if (!pipeline(pm, child)) return false;
            return true;
        }

        private boolean pass(Pass p, Operation op) {
            Optional<String> a = p.anchorOpName();
            if (a.isPresent() && !a.get().equals(op.name())) {
                diag.report(Diagnostic.error(
                        op.loc(),
                        "can't run pass '" + p.argument() + "' restricted to '" + a.get() + "' on '" + op.name()
                                + "' op"));
                return false;
            }
            if (config.printBefore(p.argument())) dump("Before", p, op);
            PassContext ctx = new PassContext(diag, config.out(), config.printer());
            int errorsBefore = diag.errorCount();
            try {
                p.runOnOperation(op, ctx);
            } catch (RuntimeException ex) {
                // A bug in a pass: report it as a diagnostic so the user sees a message, not a stack trace.
                diag.report(Diagnostic.error(op.loc(), "internal error in pass '" + p.argument() + "': " + ex));
                ctx.signalPassFailure();
            }
            if (ctx.failed()) {
                if (diag.errorCount() == errorsBefore)
                    diag.report(Diagnostic.error(op.loc(), "pass '" + p.argument() + "' failed"));
                return false;
            }
            if (config.printAfter(p.argument())) dump("After", p, op);
            if (config.verifyEach()) {
                if (!Verifier.verify(op, diag)) {
                    diag.report(Diagnostic.error(
                            op.loc(), "verification failed after running pass '" + p.argument() + "'"));
                    return false;
                }
            }
            return true;
        }

        private void dump(String when, Pass p, Operation op) {
            String text = config.printer().apply(op);
            StringBuilder sb = new StringBuilder();
            sb.append("// -----// IR Dump ")
                    .append(when)
                    .append(' ')
                    .append(p.name())
                    .append(" (")
                    .append(p.argument())
                    .append(") //----- //\n")
                    .append(text);
            if (!text.endsWith("\n")) sb.append('\n');
            sb.append('\n');
            write(sb.toString());
        }

        void write(String s) {
            try {
                config.out().append(s);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
