package dev.dal.dialect.graph.canon;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dal.ir.Operation;
import dev.dal.ir.diag.Diagnostic;
import dev.dal.ir.diag.DiagnosticEngine;
import dev.dal.ir.diag.SourceFile;
import dev.dal.ir.interp.ConstantEvaluator;
import dev.dal.ir.interp.ConstantEvaluator.Verdict;
import dev.dal.ir.interp.Tensor;
import dev.dal.ir.parse.IrParser;
import dev.dal.ir.parse.ParserConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link ConstantEvaluator} runs a graph op's kernel on its constant operands, and says why when it does not. */
class ConstantEvaluatorTest {
    /** {@return the last graph op of a function of the given body lines} */
    private static Operation lastOp(String args, String... body) {
        StringBuilder sb = new StringBuilder("func.func @f(" + args + ") {\n");
        for (String l : body) sb.append("  ").append(l).append('\n');
        sb.append("  return\n}\n");
        List<Diagnostic> diags = new ArrayList<>();
        Optional<Operation> m = IrParser.parse(
                new SourceFile("t.ir", sb.toString()), ParserConfig.DEFAULT, DiagnosticEngine.collecting(diags));
        assertTrue(m.isPresent() && diags.isEmpty(), () -> "parse failed: " + diags);
        List<Operation> ops = new ArrayList<>();
        m.get().walk(o -> {
            if (o.dialectName().equals("graph")) ops.add(o);
        });
        return ops.getLast();
    }

    private static final String A =
            "%a = graph.constant {value = dense<[1.0, -2.0, 3.0]> : tensor<3xf32>} : tensor<3xf32>";

    @Test
    void foldsAnOpOfConstantsWithItsKernel() {
        Operation add = lastOp("", A, "%y = graph.add %a, %a : (tensor<3xf32>, tensor<3xf32>) -> tensor<3xf32>");
        ConstantEvaluator.Outcome r = ConstantEvaluator.evaluate(add, 3);
        assertEquals(Verdict.FOLDED, r.verdict());
        assertArrayEquals(
                new float[] {2f, -4f, 6f},
                Tensor.fromAttribute(r.values().getFirst()).floats());
    }

    @Test
    void absentOptionalOperandsCountAsConstant() {
        Operation clip = lastOp(
                "",
                A,
                "%n = graph.none : none",
                "%lo = graph.constant {value = dense<0.0> : tensor<f32>} : tensor<f32>",
                "%y = graph.clip %a, %lo, %n : (tensor<3xf32>, tensor<f32>, none) -> tensor<3xf32>");
        ConstantEvaluator.Outcome r = ConstantEvaluator.evaluate(clip, 100);
        assertEquals(Verdict.FOLDED, r.verdict());
        assertArrayEquals(
                new float[] {1f, 0f, 3f},
                Tensor.fromAttribute(r.values().getFirst()).floats());
    }

    @Test
    void saysWhyWhenItDoesNotFold() {
        Operation onArg = lastOp(
                "%x: tensor<3xf32>", A, "%y = graph.add %x, %a : (tensor<3xf32>, tensor<3xf32>) -> tensor<3xf32>");
        assertEquals(
                Verdict.NOT_CONSTANT, ConstantEvaluator.evaluate(onArg, 100).verdict());
        Operation big = lastOp("", A, "%y = graph.add %a, %a : (tensor<3xf32>, tensor<3xf32>) -> tensor<3xf32>");
        assertEquals(Verdict.TOO_LARGE, ConstantEvaluator.evaluate(big, 2).verdict());
        Operation badIndex = lastOp(
                "",
                A,
                "%i = graph.constant {value = dense<7> : tensor<i64>} : tensor<i64>",
                "%y = graph.gather %a, %i {axis = 0 : i64} : (tensor<3xf32>, tensor<i64>) -> tensor<f32>");
        assertEquals(Verdict.FAILED, ConstantEvaluator.evaluate(badIndex, 100).verdict());
        Operation dynamic = lastOp("", A, "%y = graph.relu %a : (tensor<3xf32>) -> tensor<?xf32>");
        assertEquals(Verdict.FAILED, ConstantEvaluator.evaluate(dynamic, 100).verdict());
    }
}
