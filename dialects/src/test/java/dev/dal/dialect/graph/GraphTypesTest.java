package dev.dal.dialect.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dal.ir.FloatType;
import dev.dal.ir.TensorType;
import dev.dal.ir.Type;
import dev.dal.ir.interp.Interpreter;
import dev.dal.ir.interp.OptionalValue;
import dev.dal.ir.interp.RunOptions;
import dev.dal.ir.interp.RuntimeValue;
import dev.dal.ir.interp.Tensor;
import dev.dal.ir.interp.TensorSequence;
import dev.dal.ir.print.IrPrinter;
import dev.dal.ir.print.PrintOptions;
import dev.dal.ir.trait.Traits;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sequence and optional types of the graph dialect, in text and at run time. */
class GraphTypesTest {
    @Test
    void sequenceAndOptionalTypesNameTheirElementType() {
        Type seq = GraphTypes.sequence(TensorType.of(FloatType.F32, 5));
        Type opt = GraphTypes.optional(seq);
        assertEquals("!graph.seq<tensor<5xf32>>", Traits.typeText(seq));
        assertEquals("!graph.opt<!graph.seq<tensor<5xf32>>>", Traits.typeText(opt));
        assertTrue(GraphTypes.isSequence(seq) && !GraphTypes.isOptional(seq));
        assertTrue(GraphTypes.isOptional(opt) && !GraphTypes.isSequence(opt));
        assertFalse(GraphTypes.isSequence(TensorType.of(FloatType.F32, 5)));
    }

    private static final String IDENTITY = """
            func.func @main(%s: !graph.seq<tensor<*xf32>>, %o: !graph.opt<!graph.seq<tensor<5xf32>>>) -> (!graph.seq<tensor<*xf32>>, !graph.opt<!graph.seq<tensor<5xf32>>>) {
              %0 = graph.identity %s : !graph.seq<tensor<*xf32>>
              %1 = graph.identity %o : !graph.opt<!graph.seq<tensor<5xf32>>>
              return %0, %1 : !graph.seq<tensor<*xf32>>, !graph.opt<!graph.seq<tensor<5xf32>>>
            }
            """;

    @Test
    void identityOnSequencesAndOptionalsParsesPrintsAndRuns() {
        var module = GraphIr.parse(IDENTITY);
        String printed = new IrPrinter(PrintOptions.DEFAULT).print(module);
        assertEquals(printed, new IrPrinter(PrintOptions.DEFAULT).print(GraphIr.parse(printed)));
        assertTrue(printed.contains("graph.identity %arg1 : !graph.opt<!graph.seq<tensor<5xf32>>>"), printed);
        TensorSequence s = new TensorSequence(List.of(Tensor.of(new float[] {1, 2}, 2), Tensor.scalar(3)));
        OptionalValue o = OptionalValue.empty();
        List<RuntimeValue> out = Interpreter.load(module).runValues("main", List.of(s, o), RunOptions.defaults());
        assertSame(s, out.get(0));
        assertSame(o, out.get(1));
    }
}
