package dev.dal.tools.lit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

class FeatureExprTest {
    private static final Set<String> F = Set.of("x86", "linux", "dal-opt", "beta-2");

    @Test
    void identifiersAreTrueExactlyWhenTheFeatureIsAvailable() {
        assertTrue(FeatureExpr.evaluate("linux", F));
        assertFalse(FeatureExpr.evaluate("windows", F));
        assertTrue(FeatureExpr.evaluate("dal-opt", F));
        assertTrue(FeatureExpr.evaluate("true", Set.of()));
    }

    @Test
    void andBindsTighterThanOrAndNotTighterThanAnd() {
        assertTrue(FeatureExpr.evaluate("windows && mac || linux", F));
        assertFalse(FeatureExpr.evaluate("windows && (mac || linux)", F));
        assertTrue(FeatureExpr.evaluate("!windows && linux", F));
        assertFalse(FeatureExpr.evaluate("!(windows || linux)", F));
    }

    @Test
    void regexPartsMatchWholeFeatureNames() {
        assertTrue(FeatureExpr.evaluate("beta-{{[0-9]+}}", F));
        assertFalse(FeatureExpr.evaluate("beta-{{[a-z]+}}", F));
        assertFalse(FeatureExpr.evaluate("{{lin}}", F));
    }

    @Test
    void malformedExpressionsAreRejected() {
        for (String bad : new String[] {"", "a &&", "(a", "a b", "&& a", "a )", "a # b"}) {
            assertThrows(IllegalArgumentException.class, () -> FeatureExpr.evaluate(bad, F), bad);
        }
    }

    /** A random expression tree, printed fully parenthesised, and its value computed directly. */
    private record Expr(String text, boolean value) {}

    @Test
    void evaluationAgreesWithDirectEvaluationOfGeneratedExpressions() {
        qt().withExamples(300)
                .forAll(expr(3))
                .checkAssert(e -> org.junit.jupiter.api.Assertions.assertEquals(
                        e.value(), FeatureExpr.evaluate(e.text(), F), e.text()));
    }

    private static Gen<Expr> expr(int depth) {
        Gen<Expr> leaf = SourceDSL.integers().between(0, 5).map(i -> {
            String name = new String[] {"x86", "linux", "dal-opt", "windows", "mac", "true"}[i];
            return new Expr(name, name.equals("true") || F.contains(name));
        });
        if (depth == 0) return leaf;
        Gen<Expr> sub = expr(depth - 1);
        return SourceDSL.integers().between(0, 4).zip(sub, sub, (op, a, b) -> switch (op) {
            case 0 -> new Expr("(" + a.text() + " && " + b.text() + ")", a.value() && b.value());
            case 1 -> new Expr("(" + a.text() + " || " + b.text() + ")", a.value() || b.value());
            case 2 -> new Expr("!" + "(" + a.text() + ")", !a.value());
            default -> a;
        });
    }
}
