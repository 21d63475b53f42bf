package dev.dal.dialect.graph.canon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dal.ir.FloatType;
import dev.dal.ir.IntegerType;
import dev.dal.ir.Operation;
import dev.dal.ir.Type;
import dev.dal.ir.diag.Diagnostic;
import dev.dal.ir.diag.DiagnosticEngine;
import dev.dal.ir.diag.SourceFile;
import dev.dal.ir.interp.Interpreter;
import dev.dal.ir.interp.RunOptions;
import dev.dal.ir.interp.Tensor;
import dev.dal.ir.parse.IrParser;
import dev.dal.ir.parse.ParserConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@link RemoveLosslessCastRoundTrip#holdsExactly} agrees with the interpreter's Cast kernel: for every pair of the
 * element types Cast runs (bool, i32, i64, f32, f64), a round trip {@code A -> B -> A} of A's telling values (extremes,
 * fractions, integers just past a float's significand) gives them back exactly if and only if the predicate says B
 * holds A.
 */
class LosslessCastTest {
    private record Kind(String text, Type type, int onnx, Tensor samples) {}

    private static final List<Kind> KINDS = List.of(
            new Kind("i1", IntegerType.I1, 9, Tensor.of(new boolean[] {false, true}, 2)),
            new Kind(
                    "i32",
                    IntegerType.I32,
                    6,
                    Tensor.of(
                            new int[] {Integer.MIN_VALUE, -(1 << 24) - 1, -1, 0, 1, 2, (1 << 24) + 1, Integer.MAX_VALUE
                            },
                            8)),
            new Kind(
                    "i64",
                    IntegerType.I64,
                    7,
                    Tensor.of(
                            new long[] {
                                Long.MIN_VALUE, -(1L << 53) - 1, -1, 0, 1, 2, 1L << 31, (1L << 53) + 1, Long.MAX_VALUE
                            },
                            9)),
            new Kind(
                    "f32",
                    FloatType.F32,
                    1,
                    Tensor.of(
                            new float[] {
                                -3.5f, -0.5f, 0f, 0.5f, 1f, 3e9f, Float.MAX_VALUE, Float.MIN_NORMAL, Float.MIN_VALUE
                            },
                            9)),
            new Kind(
                    "f64",
                    FloatType.F64,
                    11,
                    Tensor.of(new double[] {-2.5, 0.1, 0, 1, 1e300, Double.MIN_VALUE, 1.0 + Math.ulp(1.0)}, 7)));

    @Test
    void thePredicateMatchesWhatTheCastKernelGivesBack() {
        List<String> disagreements = new ArrayList<>();
        for (Kind a : KINDS)
            for (Kind b : KINDS) {
                if (a == b) continue;
                boolean predicted = RemoveLosslessCastRoundTrip.holdsExactly(a.type(), b.type());
                boolean observed = roundTripIsExact(a, b);
                if (predicted != observed)
                    disagreements.add(
                            a.text() + " -> " + b.text() + ": predicted " + predicted + ", observed " + observed);
            }
        assertEquals(List.of(), disagreements);
    }

    private static boolean roundTripIsExact(Kind a, Kind b) {
        int n = a.samples().size();
        String ta = "tensor<" + n + "x" + a.text() + ">", tb = "tensor<" + n + "x" + b.text() + ">";
        String ir = "func.func @main(%x: " + ta + ") -> " + ta + " {\n"
                + "  %0 = \"graph.cast\"(%x) {to = " + b.onnx() + " : i64} : (" + ta + ") -> " + tb + "\n"
                + "  %1 = \"graph.cast\"(%0) {to = " + a.onnx() + " : i64} : (" + tb + ") -> " + ta + "\n"
                + "  return %1 : " + ta + "\n}\n";
        Tensor out = Interpreter.load(parse(ir))
                .run("main", List.of(a.samples()), RunOptions.defaults())
                .getFirst();
        for (int i = 0; i < n; i++) {
            boolean same = a.type() instanceof FloatType
                    ? Double.doubleToRawLongBits(out.getDouble(i))
                            == Double.doubleToRawLongBits(a.samples().getDouble(i))
                    : out.getLong(i) == a.samples().getLong(i);
            if (!same) return false;
        }
        return true;
    }

    private static Operation parse(String text) {
        List<Diagnostic> diags = new ArrayList<>();
        Optional<Operation> m = IrParser.parse(
                new SourceFile("cast.ir", text), ParserConfig.DEFAULT, DiagnosticEngine.collecting(diags));
        assertTrue(m.isPresent() && diags.isEmpty(), () -> "parse failed: " + diags);
        return m.get();
    }
}
