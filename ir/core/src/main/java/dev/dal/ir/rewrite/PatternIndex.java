package dev.dal.ir.rewrite;

import dev.dal.ir.HasCanonicalizationPatterns;
import dev.dal.ir.Operation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Patterns keyed by their root class, so trying an op only looks at patterns rooted at its class or a superclass
 * (plus the root-less ones), highest benefit first; ties keep registration order.
 */
final class PatternIndex {
    private final Map<Class<?>, List<RewritePattern>> byRoot = new HashMap<>();
    private final List<RewritePattern> anyRoot = new ArrayList<>();
    private final Map<Class<?>, List<RewritePattern>> perClass = new HashMap<>();
    private final Set<Class<?>> collectedFrom = new HashSet<>();
    private final Set<Class<?>> classesSeen = new HashSet<>();
    private final boolean collectCanonicalization;

    PatternIndex(List<RewritePattern> patterns, boolean collectCanonicalization) {
        this.collectCanonicalization = collectCanonicalization;
        for (RewritePattern p : patterns) add(p);
    }

    private void add(RewritePattern p) {
        if (p.rootClass().isPresent())
            byRoot.computeIfAbsent(p.rootClass().get(), k -> new ArrayList<>()).add(p);
        else anyRoot.add(p);
        perClass.clear();
    }

    /**
     * Takes the canonicalization patterns of {@code op}'s class the first time the class is met. Keyed by the class
     * that declares {@code canonicalizationPatterns()}, so a subclass inheriting it does not add them twice.
     */
    void register(Operation op) {
        if (!collectCanonicalization
                || !(op instanceof HasCanonicalizationPatterns h)
                || !classesSeen.add(op.getClass())) return;
        Class<?> declaring;
        try {
            declaring = op.getClass().getMethod("canonicalizationPatterns").getDeclaringClass();
        } catch (NoSuchMethodException e) {
            declaring = op.getClass();
        }
        if (collectedFrom.add(declaring)) for (RewritePattern p : h.canonicalizationPatterns()) add(p);
    }

    /** {@return the patterns to try on {@code op}, best first} */
    List<RewritePattern> patternsFor(Operation op) {
        return perClass.computeIfAbsent(op.getClass(), c -> {
            List<RewritePattern> out = new ArrayList<>();
            for (Class<?> k = c; k != null; k = k.getSuperclass()) out.addAll(byRoot.getOrDefault(k, List.of()));
            out.addAll(anyRoot);
            out.sort(Comparator.comparingInt(RewritePattern::benefit).reversed());
            return List.copyOf(out);
        });
    }
}
