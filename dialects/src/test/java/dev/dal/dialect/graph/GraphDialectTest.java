package dev.dal.dialect.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dal.ir.Builder;
import dev.dal.ir.DenseArrayAttr;
import dev.dal.ir.DialectRegistry;
import dev.dal.ir.FloatAttr;
import dev.dal.ir.FloatType;
import dev.dal.ir.IntegerAttr;
import dev.dal.ir.Location;
import dev.dal.ir.OpDefinition;
import dev.dal.ir.Operation;
import dev.dal.ir.OperationState;
import dev.dal.ir.StringAttr;
import dev.dal.ir.TensorType;
import dev.dal.ir.trait.Commutative;
import dev.dal.ir.trait.Pure;
import dev.dal.ir.trait.SameOperandsAndResultElementType;
import dev.dal.ir.trait.Terminator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The graph dialect as a whole: one registered op per required ONNX operator under the naming convention of
 * docs/graph-conventions.md, declared across several family classes yet one dialect, with ONNX's defaults and traits.
 */
class GraphDialectTest {
    /** Issue 4's required operators. */
    private static final List<String> REQUIRED = List.of(
            "Conv",
            "ConvTranspose",
            "BatchNormalization",
            "InstanceNormalization",
            "LayerNormalization",
            "Relu",
            "LeakyRelu",
            "PRelu",
            "Elu",
            "Selu",
            "Clip",
            "Sigmoid",
            "HardSigmoid",
            "HardSwish",
            "Tanh",
            "Erf",
            "Softplus",
            "Softsign",
            "Softmax",
            "LogSoftmax",
            "Add",
            "Sub",
            "Mul",
            "Div",
            "Pow",
            "Sqrt",
            "Reciprocal",
            "Exp",
            "Log",
            "Neg",
            "Abs",
            "Floor",
            "Ceil",
            "Round",
            "Sign",
            "Sin",
            "Cos",
            "Min",
            "Max",
            "Sum",
            "Mean",
            "MatMul",
            "Gemm",
            "MaxPool",
            "AveragePool",
            "GlobalAveragePool",
            "GlobalMaxPool",
            "Flatten",
            "Reshape",
            "Transpose",
            "Squeeze",
            "Unsqueeze",
            "Concat",
            "Split",
            "Slice",
            "Gather",
            "GatherElements",
            "Expand",
            "Tile",
            "Pad",
            "Resize",
            "Upsample",
            "DepthToSpace",
            "SpaceToDepth",
            "ReduceMean",
            "ReduceSum",
            "ReduceMax",
            "ReduceMin",
            "ReduceProd",
            "ReduceL2",
            "ArgMax",
            "ArgMin",
            "Shape",
            "Size",
            "ConstantOfShape",
            "Constant",
            "Range",
            "Cast",
            "CastLike",
            "Where",
            "Equal",
            "Less",
            "Greater",
            "LessOrEqual",
            "GreaterOrEqual",
            "Not",
            "And",
            "Or",
            "Identity",
            "Dropout",
            "Einsum",
            "TopK",
            "CumSum",
            "Trilu",
            "OneHot",
            "Mod",
            "Xor",
            "GatherND",
            "ScatterND",
            "ScatterElements",
            "NonZero",
            "NonMaxSuppression",
            "RoiAlign",
            "QuantizeLinear",
            "DequantizeLinear",
            "DynamicQuantizeLinear",
            "MatMulInteger",
            "ConvInteger",
            "QLinearConv",
            "QLinearMatMul",
            "If",
            "Loop");

    /** The conventions' rule, written here independently: split before an upper case after a lower case or digit,
     * and before an upper case followed by a lower case; lower-case it. */
    private static String snake(String onnx) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < onnx.length(); i++) {
            char c = onnx.charAt(i);
            boolean upper = Character.isUpperCase(c);
            if (i > 0 && upper) {
                char p = onnx.charAt(i - 1);
                boolean nextLower = i + 1 < onnx.length() && Character.isLowerCase(onnx.charAt(i + 1));
                if (Character.isLowerCase(p) || Character.isDigit(p) || (Character.isUpperCase(p) && nextLower))
                    sb.append('_');
            }
            sb.append(Character.toLowerCase(c));
        }
        return sb.toString();
    }

    private static Operation make(String name) {
        return Operation.create(new OperationState(name, Location.unknown()));
    }

    @Test
    void conventionExamplesOfTheNamingRule() {
        assertEquals(
                List.of(
                        "conv",
                        "batch_normalization",
                        "mat_mul",
                        "gather_nd",
                        "q_linear_conv",
                        "reduce_l2",
                        "top_k",
                        "p_relu",
                        "roi_align"),
                List.of(
                                "Conv",
                                "BatchNormalization",
                                "MatMul",
                                "GatherND",
                                "QLinearConv",
                                "ReduceL2",
                                "TopK",
                                "PRelu",
                                "RoiAlign")
                        .stream()
                        .map(GraphDialectTest::snake)
                        .toList());
    }

    @Test
    void everyRequiredOperatorIsRegisteredUnderItsConventionalName() {
        List<String> missing = new ArrayList<>();
        for (String op : REQUIRED)
            if (DialectRegistry.global().lookupOp("graph." + snake(op)).isEmpty()) missing.add(op);
        assertEquals(List.of(), missing);
        Set<String> all = new TreeSet<>();
        for (OpDefinition d :
                DialectRegistry.global().dialect("graph").orElseThrow().ops()) all.add(d.name());
        Set<String> expected = new TreeSet<>(Set.of("graph.none", "graph.yield", "graph.custom"));
        for (String op : REQUIRED) expected.add("graph." + snake(op));
        // the fused ops graph-fuse makes (GraphFusedOpDefs), which are not ONNX operators
        expected.addAll(Set.of("graph.fused_conv", "graph.scale_shift", "graph.gelu", "graph.silu"));
        assertEquals(expected, all, "one dialect holds the ops of every family class, and nothing else");
    }

    @Test
    void everyOpButTheOpaqueOneIsPureAndTheExpectedOnesCommute() {
        for (OpDefinition d :
                DialectRegistry.global().dialect("graph").orElseThrow().ops())
            assertEquals(!d.name().equals("graph.custom"), make(d.name()) instanceof Pure, d.name());
        for (String c : List.of("add", "mul", "sum", "max", "min", "mean", "equal", "and", "or", "xor"))
            assertInstanceOf(Commutative.class, make("graph." + c), c);
        for (String c : List.of("sub", "div", "pow", "less", "mat_mul", "concat"))
            assertFalse(make("graph." + c) instanceof Commutative, c);
        // Only the element type must agree: ONNX value_info may state a shape more or less static than inference.
        assertInstanceOf(SameOperandsAndResultElementType.class, make("graph.relu"));
        assertFalse(make("graph.add") instanceof SameOperandsAndResultElementType, "add's operands may differ");
        assertInstanceOf(Terminator.class, make("graph.yield"));
    }

    @Test
    void onnxDefaultsAreReturnedWhenAbsent() {
        ConvOp conv = (ConvOp) make("graph.conv");
        assertEquals(IntegerAttr.i64(1), conv.group());
        assertEquals(StringAttr.of("NOTSET"), conv.autoPad());
        assertTrue(conv.strides().isEmpty() && conv.attributes().isEmpty());
        assertEquals(FloatAttr.of(0.01, FloatType.F32), ((LeakyReluOp) make("graph.leaky_relu")).alpha());
        SeluOp selu = (SeluOp) make("graph.selu");
        assertEquals(FloatAttr.of(1.67326319217681884765625, FloatType.F32), selu.alpha());
        assertEquals(FloatAttr.of(1.05070102214813232421875, FloatType.F32), selu.gamma());
        BatchNormalizationOp bn = (BatchNormalizationOp) make("graph.batch_normalization");
        assertEquals(FloatAttr.of(1e-5, FloatType.F32), bn.epsilon());
        assertEquals(FloatAttr.of(0.9, FloatType.F32), bn.momentum());
        ResizeOp resize = (ResizeOp) make("graph.resize");
        assertEquals(StringAttr.of("half_pixel"), resize.coordinateTransformationMode());
        assertEquals(FloatAttr.of(-0.75, FloatType.F32), resize.cubicCoeffA());
        assertEquals(StringAttr.of("round_prefer_floor"), resize.nearestMode());
        assertEquals(IntegerAttr.i64(-1), ((SoftmaxOp) make("graph.softmax")).axis());
        assertEquals(IntegerAttr.i64(1), ((ReduceMeanOp) make("graph.reduce_mean")).keepdims());
        assertEquals(StringAttr.of("DCR"), ((DepthToSpaceOp) make("graph.depth_to_space")).mode());
        assertEquals(IntegerAttr.i64(1), ((QuantizeLinearOp) make("graph.quantize_linear")).axis());
    }

    @Test
    void foldedConstantsMaterializeAsGraphConstant() {
        var type = TensorType.of(dev.dal.ir.IntegerType.I64, 2);
        var value = new dev.dal.ir.DenseElementsAttr(type, dev.dal.ir.Blob.wrap(new byte[16]), false);
        Operation c = DialectRegistry.global()
                .dialect("graph")
                .orElseThrow()
                .materializeConstant(Builder.detached(), value, type, Location.unknown())
                .orElseThrow();
        assertEquals("graph.constant", c.name());
        assertTrue(DialectRegistry.global()
                .dialect("graph")
                .orElseThrow()
                .materializeConstant(Builder.detached(), DenseArrayAttr.i64(1), type, Location.unknown())
                .isEmpty());
    }

    @Test
    void oneReferencePageListsEveryOp() throws IOException {
        String page = Files.readString(Path.of("..", "docs", "dialects", "graph.md"));
        for (OpDefinition d :
                DialectRegistry.global().dialect("graph").orElseThrow().ops())
            assertTrue(page.contains("`" + d.name() + "`"), d.name());
    }
}
