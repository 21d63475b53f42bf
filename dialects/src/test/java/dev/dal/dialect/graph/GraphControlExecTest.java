package dev.dal.dialect.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dal.ir.interp.DType;
import dev.dal.ir.interp.Interpreter;
import dev.dal.ir.interp.InterpreterException;
import dev.dal.ir.interp.RunOptions;
import dev.dal.ir.interp.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code graph.if} and {@code graph.loop} run their regions in the interpreter, with ONNX's If and Loop semantics. */
class GraphControlExecTest {
    private static List<Tensor> run(String ir, Tensor... args) {
        return Interpreter.load(GraphIr.parse(ir)).run("main", List.of(args), RunOptions.defaults());
    }

    private static Tensor bool(boolean b) {
        return Tensor.of(new boolean[] {b});
    }

    private static Tensor i64(long v) {
        return Tensor.of(new long[] {v});
    }

    private static final String IF = """
            func.func @main(%c: tensor<i1>, %x: tensor<2xf32>) -> tensor<2xf32> {
              %one = "graph.constant"() {value = dense<1.0> : tensor<2xf32>} : () -> tensor<2xf32>
              %r = "graph.if"(%c) ({
                %a = "graph.add"(%x, %one) : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
                "graph.yield"(%a) : (tensor<2xf32>) -> ()
              }, {
                %b = "graph.mul"(%x, %x) : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
                "graph.yield"(%b) : (tensor<2xf32>) -> ()
              }) : (tensor<i1>) -> tensor<2xf32>
              return %r : tensor<2xf32>
            }
            """;

    @Test
    void ifRunsTheBranchTheConditionSelectsOnOuterValues() {
        Tensor x = Tensor.of(new float[] {2, 3}, 2);
        assertArrayEquals(new float[] {3, 4}, run(IF, bool(true), x).getFirst().floats());
        assertArrayEquals(new float[] {4, 9}, run(IF, bool(false), x).getFirst().floats());
    }

    @Test
    void ifRejectsAConditionThatIsNotOneBool() {
        var e = assertThrows(
                InterpreterException.class,
                () -> Interpreter.load(GraphIr.parse(IF))
                        .run(
                                "main",
                                List.of(Tensor.of(new boolean[] {true, false}, 2), Tensor.zeros(DType.F32, 2)),
                                RunOptions.defaults().withResultTypeChecks(false)));
        assertTrue(e.getMessage().contains("'graph.if' op cond must be a single bool"), e.getMessage());
    }

    // Sums x * i over the iterations i while the sum stays below a limit read from the enclosing scope; scans the
    // running sum and the iteration number.
    private static final String SUM_LOOP = """
            func.func @main(%m: tensor<i64>, %c: tensor<i1>, %x: tensor<2xf32>, %limit: tensor<f32>) -> (tensor<2xf32>, tensor<?x2xf32>, tensor<?xi64>) {
              %zero = "graph.constant"() {value = dense<0.0> : tensor<2xf32>} : () -> tensor<2xf32>
              %r:3 = "graph.loop"(%m, %c, %zero) ({
              ^bb0(%i: tensor<i64>, %ci: tensor<i1>, %acc: tensor<2xf32>):
                %fi = "graph.cast"(%i) {to = 1 : i64} : (tensor<i64>) -> tensor<f32>
                %xi = "graph.mul"(%x, %fi) : (tensor<2xf32>, tensor<f32>) -> tensor<2xf32>
                %s = "graph.add"(%acc, %xi) : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
                %n = "graph.none"() : () -> none
                %lead = "graph.reduce_max"(%s, %n) {keepdims = 0 : i64} : (tensor<2xf32>, none) -> tensor<f32>
                %go = "graph.less"(%lead, %limit) : (tensor<f32>, tensor<f32>) -> tensor<i1>
                "graph.yield"(%go, %s, %s, %i) : (tensor<i1>, tensor<2xf32>, tensor<2xf32>, tensor<i64>) -> ()
              }) : (tensor<i64>, tensor<i1>, tensor<2xf32>) -> (tensor<2xf32>, tensor<?x2xf32>, tensor<?xi64>)
              return %r#0, %r#1, %r#2 : tensor<2xf32>, tensor<?x2xf32>, tensor<?xi64>
            }
            """;

    @Test
    void loopStopsAtTheTripCountAndScansEachIteration() {
        Tensor x = Tensor.of(new float[] {1, 10}, 2);
        List<Tensor> out = run(SUM_LOOP, i64(3), bool(true), x, Tensor.scalar(1000f));
        // sums over i = 0, 1, 2 of i * x
        assertArrayEquals(new float[] {3, 30}, out.get(0).floats());
        assertArrayEquals(new int[] {3, 2}, out.get(1).shape());
        assertArrayEquals(new float[] {0, 0, 1, 10, 3, 30}, out.get(1).floats());
        assertArrayEquals(new long[] {0, 1, 2}, out.get(2).longs());
    }

    @Test
    void loopStopsWhenTheBodyConditionTurnsFalse() {
        Tensor x = Tensor.of(new float[] {1, 10}, 2);
        // running max: 0, 10, 30, 60: the third iteration (i = 2) yields false
        List<Tensor> out = run(SUM_LOOP, i64(100), bool(true), x, Tensor.scalar(25f));
        assertArrayEquals(new float[] {3, 30}, out.get(0).floats());
        assertArrayEquals(new long[] {0, 1, 2}, out.get(2).longs());
    }

    @Test
    void aFalseInitialConditionRunsNoIterationAndScansAreEmpty() {
        Tensor x = Tensor.of(new float[] {1, 10}, 2);
        List<Tensor> out = run(SUM_LOOP, i64(5), bool(false), x, Tensor.scalar(1000f));
        assertArrayEquals(new float[] {0, 0}, out.get(0).floats());
        assertArrayEquals(new int[] {0, 2}, out.get(1).shape());
        assertArrayEquals(new int[] {0}, out.get(2).shape());
        assertEquals(DType.I64, out.get(2).dtype());
    }

    @Test
    void absentTripCountMakesAWhileLoopAndAbsentConditionAForLoop() {
        String text = """
                func.func @main(%m: tensor<i64>, %c: tensor<i1>) -> (tensor<i64>, tensor<i64>) {
                  %n = "graph.none"() : () -> none
                  %zero = "graph.constant"() {value = dense<0> : tensor<i64>} : () -> tensor<i64>
                  %w = "graph.loop"(%n, %c, %zero) ({
                  ^bb0(%i: tensor<i64>, %ci: tensor<i1>, %v: tensor<i64>):
                    %seven = "graph.constant"() {value = dense<7> : tensor<i64>} : () -> tensor<i64>
                    %v2 = "graph.add"(%v, %i) : (tensor<i64>, tensor<i64>) -> tensor<i64>
                    %go = "graph.less"(%v2, %seven) : (tensor<i64>, tensor<i64>) -> tensor<i1>
                    "graph.yield"(%go, %v2) : (tensor<i1>, tensor<i64>) -> ()
                  }) : (none, tensor<i1>, tensor<i64>) -> tensor<i64>
                  %f = "graph.loop"(%m, %n, %zero) ({
                  ^bb0(%i: tensor<i64>, %ci: tensor<i1>, %v: tensor<i64>):
                    %stop = "graph.constant"() {value = dense<false> : tensor<i1>} : () -> tensor<i1>
                    %v2 = "graph.add"(%v, %i) : (tensor<i64>, tensor<i64>) -> tensor<i64>
                    "graph.yield"(%stop, %v2) : (tensor<i1>, tensor<i64>) -> ()
                  }) : (tensor<i64>, none, tensor<i64>) -> tensor<i64>
                  return %w, %f : tensor<i64>, tensor<i64>
                }
                """;
        List<Tensor> out = run(text, i64(5), bool(true));
        // while: 0+0, +1, +2, +3 = 6, +4 = 10 (not < 7: stop after that iteration)
        assertEquals(10, out.get(0).getLong(0));
        // for: the body's false condition is ignored without a cond input; 0+1+2+3+4
        assertEquals(10, out.get(1).getLong(0));
    }

    @Test
    void aScanOutputThatChangesShapeIsAnErrorAtTheLoop() {
        String text = """
                func.func @main(%m: tensor<i64>) -> tensor<?x?xi64> {
                  %n = "graph.none"() : () -> none
                  %r = "graph.loop"(%m, %n) ({
                  ^bb0(%i: tensor<i64>, %ci: tensor<i1>):
                    %zero = "graph.constant"() {value = dense<0> : tensor<i64>} : () -> tensor<i64>
                    %one = "graph.constant"() {value = dense<1> : tensor<i64>} : () -> tensor<i64>
                    %row = "graph.range"(%zero, %i, %one) : (tensor<i64>, tensor<i64>, tensor<i64>) -> tensor<?xi64>
                    "graph.yield"(%ci, %row) : (tensor<i1>, tensor<?xi64>) -> ()
                  }) : (tensor<i64>, none) -> tensor<?x?xi64>
                  return %r : tensor<?x?xi64>
                }
                """;
        assertArrayEquals(new int[] {1, 0}, run(text, i64(1)).getFirst().shape());
        var e = assertThrows(InterpreterException.class, () -> run(text, i64(3)));
        assertTrue(e.getMessage().contains("'graph.loop' op scan output #0 changes its shape"), e.getMessage());
    }

    @Test
    void aLoopInsideABranchSeesValuesOfBothEnclosingScopes() {
        String text = """
                func.func @main(%c: tensor<i1>, %x: tensor<f32>) -> tensor<f32> {
                  %m = "graph.constant"() {value = dense<4> : tensor<i64>} : () -> tensor<i64>
                  %n = "graph.none"() : () -> none
                  %r = "graph.if"(%c) ({
                    %two = "graph.constant"() {value = dense<2.0> : tensor<f32>} : () -> tensor<f32>
                    %l = "graph.loop"(%m, %n, %x) ({
                    ^bb0(%i: tensor<i64>, %ci: tensor<i1>, %v: tensor<f32>):
                      %v2 = "graph.mul"(%v, %two) : (tensor<f32>, tensor<f32>) -> tensor<f32>
                      "graph.yield"(%ci, %v2) : (tensor<i1>, tensor<f32>) -> ()
                    }) : (tensor<i64>, none, tensor<f32>) -> tensor<f32>
                    "graph.yield"(%l) : (tensor<f32>) -> ()
                  }, {
                    "graph.yield"(%x) : (tensor<f32>) -> ()
                  }) : (tensor<i1>) -> tensor<f32>
                  return %r : tensor<f32>
                }
                """;
        assertEquals(48f, run(text, bool(true), Tensor.scalar(3f)).getFirst().getFloat(0));
        assertEquals(3f, run(text, bool(false), Tensor.scalar(3f)).getFirst().getFloat(0));
    }
}
