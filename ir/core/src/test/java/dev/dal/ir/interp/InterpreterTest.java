package dev.dal.ir.interp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.dal.ir.Operation;
import dev.dal.ir.diag.Diagnostic;
import dev.dal.ir.diag.DiagnosticEngine;
import dev.dal.ir.diag.SourceFile;
import dev.dal.ir.parse.IrParser;
import dev.dal.ir.parse.ParserConfig;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InterpreterTest {
    private static final RunOptions ONE = RunOptions.defaults().withThreads(1);

    static Operation parse(String text) {
        List<Diagnostic> diags = new ArrayList<>();
        var m = IrParser.parse(new SourceFile("t.ir", text), ParserConfig.DEFAULT, DiagnosticEngine.collecting(diags));
        if (m.isEmpty() || !diags.isEmpty()) fail("unexpected diagnostics: " + diags);
        return m.get();
    }

    private static final String MATMUL_ADD = """
            func.func @main(%x: tensor<2x2xf32> {onnx.name = "input"}) -> (tensor<2x2xf32> {onnx.name = "out"}) {
              %w = dal.constant dense<[[1.0, 2.0], [3.0, 4.0]]> : tensor<2x2xf32>
              %b = dal.constant dense<0.5> : tensor<2x2xf32>
              %0 = "itest.matmul"(%x, %w) : (tensor<2x2xf32>, tensor<2x2xf32>) -> tensor<2x2xf32>
              %1 = "itest.add"(%0, %b) : (tensor<2x2xf32>, tensor<2x2xf32>) -> tensor<2x2xf32>
              return %1 : tensor<2x2xf32>
            }
            """;

    @Test
    void runsOpsInOrderWithConstantsAndInputsByName() {
        Interpreter in = Interpreter.load(parse(MATMUL_ADD));
        Tensor x = Tensor.of(new float[] {1, 1, 0, 2}, 2, 2);
        List<Tensor> out = in.run("main", Map.of("input", x), ONE);
        // [1 1; 0 2] * [1 2; 3 4] = [4 6; 6 8], plus 0.5
        assertArrayEquals(new float[] {4.5f, 6.5f, 6.5f, 8.5f}, out.getFirst().floats());
        assertEquals(List.of("input"), in.inputNames("main"));
        assertEquals(List.of("out"), in.outputNames("main"));
        var named = in.runNamed("main", Map.of("input", x), ONE);
        assertEquals(List.of("out"), List.copyOf(named.keySet()));
        assertArrayEquals(new float[] {4.5f, 6.5f, 6.5f, 8.5f}, named.get("out").floats());
    }

    @Test
    void oneLoadedInterpreterRunsFromSeveralThreadsAtOnce() throws Exception {
        Interpreter in = Interpreter.load(parse(MATMUL_ADD));
        var exec = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<float[]>> fs = new ArrayList<>();
            for (int t = 0; t < 200; t++) {
                float v = t;
                fs.add(exec.submit(() -> in.run("main", Map.of("input", Tensor.of(new float[] {v, 0, 0, v}, 2, 2)), ONE)
                        .getFirst()
                        .floats()));
            }
            for (int t = 0; t < 200; t++)
                assertArrayEquals(
                        new float[] {t + 0.5f, 2 * t + 0.5f, 3 * t + 0.5f, 4 * t + 0.5f},
                        fs.get(t).get());
        } finally {
            exec.shutdownNow();
        }
    }

    @Test
    void inputsCanBeGivenByPosition() {
        Interpreter in = Interpreter.load(parse(MATMUL_ADD));
        List<Tensor> out = in.run("main", Map.of("0", Tensor.of(new float[] {0, 0, 0, 0}, 2, 2)), ONE);
        assertArrayEquals(new float[] {0.5f, 0.5f, 0.5f, 0.5f}, out.getFirst().floats());
    }

    @Test
    void probeSeesEachOpOnceWithItsTensorsAndConstantsAreMadeOnce() {
        Interpreter in = Interpreter.load(parse(MATMUL_ADD));
        List<String> seen = new ArrayList<>();
        List<List<Tensor>> ins = new ArrayList<>(), outs = new ArrayList<>();
        OpProbe p = (op, i, o) -> {
            seen.add(op.name());
            ins.add(i);
            outs.add(o);
        };
        Tensor x = Tensor.of(new float[] {1, 0, 0, 1}, 2, 2);
        List<Tensor> result = in.run("main", Map.of("input", x), ONE.withProbe(p));
        assertEquals(List.of("dal.constant", "dal.constant", "itest.matmul", "itest.add"), seen);
        assertSame(x, ins.get(2).get(0));
        assertSame(outs.get(0).get(0), ins.get(2).get(1));
        assertSame(outs.get(2).get(0), ins.get(3).get(0));
        assertSame(outs.get(1).get(0), ins.get(3).get(1));
        assertSame(result.getFirst(), outs.get(3).get(0));
        assertArrayEquals(new float[] {1, 2, 3, 4}, outs.get(0).get(0).floats());
        // a second run reuses the constant tensors
        List<Tensor> again = new ArrayList<>();
        in.run("main", Map.of("input", x), ONE.withProbe((op, i, o) -> {
            if (op.name().equals("dal.constant")) again.add(o.getFirst());
        }));
        assertSame(outs.get(0).get(0), again.get(0));
        assertSame(outs.get(1).get(0), again.get(1));
    }

    @Test
    void callsOtherFunctions() {
        String text = """
                func.func @twice(%a: tensor<3xf32>) -> tensor<3xf32> {
                  %0 = "itest.add"(%a, %a) : (tensor<3xf32>, tensor<3xf32>) -> tensor<3xf32>
                  return %0 : tensor<3xf32>
                }
                func.func @main(%x: tensor<3xf32>) -> tensor<3xf32> {
                  %0 = func.call @twice(%x) : (tensor<3xf32>) -> tensor<3xf32>
                  %1 = func.call @twice(%0) : (tensor<3xf32>) -> tensor<3xf32>
                  return %1 : tensor<3xf32>
                }
                """;
        Interpreter in = Interpreter.load(parse(text));
        List<Tensor> out = in.run("main", List.of(Tensor.of(new float[] {1, -2, 3}, 3)), ONE);
        assertArrayEquals(new float[] {4, -8, 12}, out.getFirst().floats());
        assertEquals(List.of("twice", "main"), in.functionNames());
    }

    @Test
    void dynamicDimensionsTakeTheirSizeFromTheInputs() {
        String text = """
                func.func @main(%x: tensor<?x2xf32>, %w: tensor<2x?xf32>) -> (tensor<?x?xf32>, tensor<2xi64>) {
                  %0 = "itest.matmul"(%x, %w) : (tensor<?x2xf32>, tensor<2x?xf32>) -> tensor<?x?xf32>
                  %1 = "itest.shape"(%0) : (tensor<?x?xf32>) -> tensor<2xi64>
                  return %0, %1 : tensor<?x?xf32>, tensor<2xi64>
                }
                """;
        Interpreter in = Interpreter.load(parse(text));
        for (int[] mn : new int[][] {{1, 1}, {3, 5}, {7, 2}}) {
            Tensor x = Tensor.zeros(DType.F32, mn[0], 2), w = Tensor.zeros(DType.F32, 2, mn[1]);
            List<Tensor> out = in.run("main", List.of(x, w), ONE);
            assertArrayEquals(new int[] {mn[0], mn[1]}, out.get(0).shape());
            assertArrayEquals(new long[] {mn[0], mn[1]}, out.get(1).longs());
        }
        var e = assertThrows(
                InterpreterException.class,
                () -> in.run("main", List.of(Tensor.zeros(DType.F32, 3, 3), Tensor.zeros(DType.F32, 2, 2)), ONE));
        assertTrue(e.getMessage().contains("'itest.matmul' op inner dimensions differ: 3 and 2"), e.getMessage());
        assertTrue(e.getMessage().startsWith("t.ir:2:"), e.getMessage());
    }

    @Test
    void regionsRunThroughTheContextAndSeeOuterValues() {
        String text = """
                func.func @main(%c: tensor<i1>, %x: tensor<2xf32>, %n: tensor<i64>) -> (tensor<2xf32>, tensor<2xf32>) {
                  %one = dal.constant dense<1.0> : tensor<2xf32>
                  %0 = "itest.if"(%c) ({
                    %a = "itest.add"(%x, %one) : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
                    "itest.yield"(%a) : (tensor<2xf32>) -> ()
                  }, {
                    "itest.yield"(%x) : (tensor<2xf32>) -> ()
                  }) : (tensor<i1>) -> tensor<2xf32>
                  %1 = "itest.repeat"(%n, %x) ({
                  ^bb0(%v: tensor<2xf32>):
                    %s = "itest.add"(%v, %one) : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
                    %t = "itest.add"(%s, %s) : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
                    "itest.yield"(%t) : (tensor<2xf32>) -> ()
                  }) : (tensor<i64>, tensor<2xf32>) -> tensor<2xf32>
                  return %0, %1 : tensor<2xf32>, tensor<2xf32>
                }
                """;
        Interpreter in = Interpreter.load(parse(text));
        Tensor x = Tensor.of(new float[] {1, 2}, 2);
        List<Tensor> t = in.run("main", List.of(Tensor.of(new boolean[] {true}), x, Tensor.of(new long[] {3})), ONE);
        assertArrayEquals(new float[] {2, 3}, t.get(0).floats());
        // v -> 2(v+1) three times: 1 -> 4 -> 10 -> 22, 2 -> 6 -> 14 -> 30
        assertArrayEquals(new float[] {22, 30}, t.get(1).floats());
        List<Tensor> f = in.run("main", List.of(Tensor.of(new boolean[] {false}), x, Tensor.of(new long[] {0})), ONE);
        assertArrayEquals(new float[] {1, 2}, f.get(0).floats());
        assertArrayEquals(new float[] {1, 2}, f.get(1).floats());
    }

    @Test
    void intermediatesAreReleasedAfterTheirLastUse() {
        String text = """
                func.func @main(%x: tensor<262144xf32>) -> tensor<262144xf32> {
                  %0 = "itest.add"(%x, %x) : (tensor<262144xf32>, tensor<262144xf32>) -> tensor<262144xf32>
                  %1 = "itest.add"(%0, %0) : (tensor<262144xf32>, tensor<262144xf32>) -> tensor<262144xf32>
                  %2 = "itest.add"(%1, %x) : (tensor<262144xf32>, tensor<262144xf32>) -> tensor<262144xf32>
                  %3 = "itest.add"(%2, %x) : (tensor<262144xf32>, tensor<262144xf32>) -> tensor<262144xf32>
                  return %3 : tensor<262144xf32>
                }
                """;
        Interpreter in = Interpreter.load(parse(text));
        List<WeakReference<Tensor>> produced = new ArrayList<>();
        List<Boolean> firstGoneAtLastOp = new ArrayList<>();
        OpProbe p = (op, i, o) -> {
            produced.add(new WeakReference<>(o.getFirst()));
            if (produced.size() == 4) {
                for (int k = 0; k < 5 && produced.get(0).get() != null; k++) System.gc();
                firstGoneAtLastOp.add(produced.get(0).get() == null);
            }
        };
        in.run("main", List.of(Tensor.zeros(DType.F32, 262144)), ONE.withProbe(p));
        assertEquals(List.of(true), firstGoneAtLastOp, "%0 (last used by the second op) is still reachable");
    }

    @Test
    void unusedResultsAreReleasedAtOnce() {
        String text = """
                func.func @main(%x: tensor<4xf32>) -> tensor<4xf32> {
                  %0 = "itest.add"(%x, %x) : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
                  %1 = "itest.add"(%x, %x) : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
                  return %1 : tensor<4xf32>
                }
                """;
        Interpreter in = Interpreter.load(parse(text));
        List<WeakReference<Tensor>> refs = new ArrayList<>();
        List<Boolean> gone = new ArrayList<>();
        in.run("main", List.of(Tensor.zeros(DType.F32, 4)), ONE.withProbe((op, i, o) -> {
            refs.add(new WeakReference<>(o.getFirst()));
            if (refs.size() == 2) {
                for (int k = 0; k < 5 && refs.get(0).get() != null; k++) System.gc();
                gone.add(refs.get(0).get() == null);
            }
        }));
        assertEquals(List.of(true), gone);
    }

    @Test
    void attributesAreReadFromTheOp() {
        String text = """
                func.func @main(%x: tensor<2xf32>) -> tensor<2xf32> {
                  %0 = "itest.scale"(%x) {factor = 2.5 : f32} : (tensor<2xf32>) -> tensor<2xf32>
                  return %0 : tensor<2xf32>
                }
                """;
        List<Tensor> out = Interpreter.load(parse(text)).run("main", List.of(Tensor.of(new float[] {2, -4}, 2)), ONE);
        assertArrayEquals(new float[] {5, -10}, out.getFirst().floats());
    }

    @Test
    void opWithoutKernelIsReportedWithItsLocation() {
        String text = """
                func.func @main(%x: tensor<2xf32>) -> tensor<2xf32> {
                  %0 = "itest.opaque"(%x) : (tensor<2xf32>) -> tensor<2xf32> loc("conv_7")
                  return %0 : tensor<2xf32>
                }
                """;
        var e = assertThrows(InterpreterException.class, () -> Interpreter.load(parse(text)));
        assertEquals(
                "loc(\"conv_7\"): error: 'itest.opaque' op cannot be executed: the interpreter has no kernel for it",
                e.getMessage());
        String filePos = text.replace(" loc(\"conv_7\")", "");
        var e2 = assertThrows(InterpreterException.class, () -> Interpreter.load(parse(filePos)));
        assertTrue(e2.getMessage().startsWith("t.ir:2:"), e2.getMessage());
    }

    @Test
    void failingKernelBecomesAnErrorAtTheOp() {
        String text = """
                func.func @main(%x: tensor<2xf32>) -> tensor<2xf32> {
                  %0 = "itest.broken"(%x) : (tensor<2xf32>) -> tensor<2xf32> loc("node_3")
                  return %0 : tensor<2xf32>
                }
                """;
        var e = assertThrows(
                InterpreterException.class,
                () -> Interpreter.load(parse(text)).run("main", List.of(Tensor.zeros(DType.F32, 2)), ONE));
        assertEquals("loc(\"node_3\"): error: 'itest.broken' op kernel exploded", e.getMessage());
    }

    @Test
    void missingUnknownAndIllTypedInputsAreErrors() {
        Interpreter in = Interpreter.load(parse(MATMUL_ADD));
        var missing = assertThrows(InterpreterException.class, () -> in.run("main", Map.of(), ONE));
        assertTrue(missing.getMessage().contains("missing input 'input' (argument #0)"), missing.getMessage());
        var unknown = assertThrows(
                InterpreterException.class,
                () -> in.run(
                        "main",
                        Map.of("input", Tensor.zeros(DType.F32, 2, 2), "extra", Tensor.zeros(DType.F32, 1)),
                        ONE));
        assertTrue(unknown.getMessage().contains("unknown inputs [extra]"), unknown.getMessage());
        var shape = assertThrows(
                InterpreterException.class, () -> in.run("main", Map.of("input", Tensor.zeros(DType.F32, 2, 3)), ONE));
        assertTrue(
                shape.getMessage().contains("input 'input': shape [2, 3] does not match tensor<2x2xf32>"),
                shape.getMessage());
        var dtype = assertThrows(
                InterpreterException.class, () -> in.run("main", Map.of("input", Tensor.zeros(DType.I64, 2, 2)), ONE));
        assertTrue(dtype.getMessage().contains("element type i64 does not match"), dtype.getMessage());
        var fn = assertThrows(InterpreterException.class, () -> in.run("nope", Map.of(), ONE));
        assertTrue(fn.getMessage().contains("no function named @nope"), fn.getMessage());
    }

    @Test
    void resultsThatContradictTheirDeclaredTypeAreErrors() {
        String text = """
                func.func @main(%x: tensor<2x3xf32>, %w: tensor<3x4xf32>) -> tensor<2x5xf32> {
                  %0 = "itest.matmul"(%x, %w) : (tensor<2x3xf32>, tensor<3x4xf32>) -> tensor<2x5xf32> loc("mm")
                  return %0 : tensor<2x5xf32>
                }
                """;
        Interpreter in = Interpreter.load(parse(text));
        List<Tensor> args = List.of(Tensor.zeros(DType.F32, 2, 3), Tensor.zeros(DType.F32, 3, 4));
        var e = assertThrows(InterpreterException.class, () -> in.run("main", args, ONE));
        assertEquals(
                "loc(\"mm\"): error: 'itest.matmul' op result #0: shape [2, 4] does not match tensor<2x5xf32>",
                e.getMessage());
        assertArrayEquals(
                new int[] {2, 4},
                in.run("main", args, ONE.withResultTypeChecks(false)).getFirst().shape());
    }

    @Test
    void kernelsGetTheRunsThreadPool() {
        String text = """
                func.func @main() -> tensor<i64> {
                  %0 = "itest.threads"() : () -> tensor<i64>
                  return %0 : tensor<i64>
                }
                """;
        Interpreter in = Interpreter.load(parse(text));
        for (int n : new int[] {1, 3}) {
            var out = in.run("main", List.of(), RunOptions.defaults().withThreads(n));
            assertArrayEquals(new long[] {n}, out.getFirst().longs());
        }
    }

    @Test
    void probesAlsoSeeOpsInsideRegionsEachTimeTheyRun() {
        String text = """
                func.func @main(%n: tensor<i64>, %x: tensor<1xf32>) -> tensor<1xf32> {
                  %1 = "itest.repeat"(%n, %x) ({
                  ^bb0(%v: tensor<1xf32>):
                    %s = "itest.add"(%v, %v) : (tensor<1xf32>, tensor<1xf32>) -> tensor<1xf32>
                    "itest.yield"(%s) : (tensor<1xf32>) -> ()
                  }) : (tensor<i64>, tensor<1xf32>) -> tensor<1xf32>
                  return %1 : tensor<1xf32>
                }
                """;
        List<String> seen = new ArrayList<>();
        List<Float> sums = new ArrayList<>();
        Interpreter.load(parse(text))
                .run(
                        "main",
                        List.of(Tensor.of(new long[] {3}), Tensor.of(new float[] {1}, 1)),
                        ONE.withProbe((op, i, o) -> {
                            seen.add(op.name());
                            if (op.name().equals("itest.add"))
                                sums.add(o.getFirst().floats()[0]);
                        }));
        assertEquals(List.of("itest.add", "itest.add", "itest.add", "itest.repeat"), seen);
        assertEquals(List.of(2f, 4f, 8f), sums);
    }

    @Test
    void absentOperandsArriveAsNone() {
        assertTrue(Tensor.none().isNone());
        assertTrue(Tensor.none().present().isEmpty());
        assertNull(Tensor.zeros(DType.F32, 1).present().filter(Tensor::isNone).orElse(null));
    }

    private static final String PACK = """
            func.func @main(%x: tensor<2xf32>, %s: !graph.seq<tensor<?xf32>>) -> (!graph.seq<tensor<?xf32>>, !graph.opt<!graph.seq<tensor<?xf32>>>, !graph.seq<tensor<?xf32>>) {
              %0 = "itest.pack"(%x, %x) : (tensor<2xf32>, tensor<2xf32>) -> !graph.seq<tensor<?xf32>>
              %1 = "itest.pack"(%x) {opt} : (tensor<2xf32>) -> !graph.opt<!graph.seq<tensor<?xf32>>>
              return %0, %1, %s : !graph.seq<tensor<?xf32>>, !graph.opt<!graph.seq<tensor<?xf32>>>, !graph.seq<tensor<?xf32>>
            }
            """;

    @Test
    void sequencesAndOptionalsFlowBetweenOpsThatTakeThem() {
        Interpreter in = Interpreter.load(parse(PACK));
        Tensor x = Tensor.of(new float[] {1, 2}, 2);
        TensorSequence given = new TensorSequence(List.of(x));
        List<RuntimeValue> out = in.runValues("main", Map.of("0", x, "1", given), ONE);
        assertEquals(new TensorSequence(List.of(x, x)), out.get(0));
        assertEquals(OptionalValue.of(new TensorSequence(List.of(x))), out.get(1));
        assertSame(given, out.get(2));
        // run() promises tensors
        var e = assertThrows(InterpreterException.class, () -> in.run("main", List.of(x, x), ONE));
        assertTrue(e.getMessage().contains("result #0 is a sequence of 2 tensors"), e.getMessage());
    }

    @Test
    void aValueOfTheWrongKindIsAnErrorNamingTheInputOrOperand() {
        Interpreter in = Interpreter.load(parse(PACK));
        Tensor x = Tensor.of(new float[] {1, 2}, 2);
        var e = assertThrows(InterpreterException.class, () -> in.runValues("main", Map.of("0", x, "1", x), ONE));
        assertTrue(
                e.getMessage().contains("input '1': a tensor<2xf32> does not match !graph.seq<tensor<?xf32>>"),
                e.getMessage());
        String text = """
                func.func @main(%s: !graph.seq<tensor<?xf32>>) -> tensor<2xf32> {
                  %0 = "itest.scale"(%s) {factor = 2.0 : f32} : (!graph.seq<tensor<?xf32>>) -> tensor<2xf32>
                  return %0 : tensor<2xf32>
                }
                """;
        var e2 = assertThrows(
                InterpreterException.class,
                () -> Interpreter.load(parse(text)).runValues("main", List.of(new TensorSequence(List.of(x))), ONE));
        assertTrue(
                e2.getMessage()
                        .contains("'itest.scale' op operand #0 is a sequence of 1 tensors, but the op takes tensors"),
                e2.getMessage());
    }

    @Test
    void probesSeeSequencesAsNone() {
        Interpreter in = Interpreter.load(parse(PACK));
        Tensor x = Tensor.of(new float[] {1, 2}, 2);
        List<Boolean> seen = new ArrayList<>();
        in.runValues(
                "main",
                List.of(x, new TensorSequence(List.of())),
                ONE.withProbe((op, i, o) -> seen.add(o.getFirst().isNone())));
        assertEquals(List.of(true, true), seen);
    }
}
