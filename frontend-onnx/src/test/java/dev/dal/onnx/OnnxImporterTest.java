package dev.dal.onnx;

import static dev.dal.onnx.builder.ModelBuilder.attr;
import static dev.dal.onnx.builder.ModelBuilder.floatTensor;
import static dev.dal.onnx.builder.ModelBuilder.ints;
import static dev.dal.onnx.proto.Onnx.TensorProto.DataType.FLOAT;
import static dev.dal.onnx.proto.Onnx.TensorProto.DataType.INT64;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dal.ir.ArrayAttr;
import dev.dal.ir.DenseArrayAttr;
import dev.dal.ir.DenseElementsAttr;
import dev.dal.ir.DenseResourceAttr;
import dev.dal.ir.DictionaryAttr;
import dev.dal.ir.FloatType;
import dev.dal.ir.IntegerAttr;
import dev.dal.ir.IntegerType;
import dev.dal.ir.Location;
import dev.dal.ir.OpResult;
import dev.dal.ir.Operation;
import dev.dal.ir.StringAttr;
import dev.dal.ir.TensorType;
import dev.dal.ir.Value;
import dev.dal.onnx.builder.ModelBuilder;
import dev.dal.onnx.proto.Onnx.ModelProto;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The importer's output structure: ops, operands, attributes, names, locations, types, regions. */
class OnnxImporterTest {
    static Operation func(Operation module) {
        return module.region(0).entry().firstOp().orElseThrow();
    }

    static List<Operation> ops(Operation module) {
        List<Operation> out = new ArrayList<>();
        func(module).region(0).entry().ops().forEach(out::add);
        return out;
    }

    static Operation only(Operation module, String name) {
        List<Operation> l =
                ops(module).stream().filter(o -> o.name().equals(name)).toList();
        assertEquals(1, l.size(), "ops named " + name + " in\n" + TestSupport.print(module));
        return l.get(0);
    }

    static long[] constInts(Value v) {
        Operation def = ((OpResult) v).owner();
        assertEquals("graph.constant", def.name());
        DenseElementsAttr d = (DenseElementsAttr) def.attribute("value").orElseThrow();
        long[] out = new long[(int) d.size()];
        for (int i = 0; i < out.length; i++) out[i] = d.getLong(i);
        return out;
    }

    static double constScalar(Value v) {
        Operation def = ((OpResult) v).owner();
        assertEquals("graph.constant", def.name());
        return ((DenseElementsAttr) def.attribute("value").orElseThrow()).getDouble(0);
    }

    static boolean isNone(Value v) {
        return v instanceof OpResult r && r.owner().name().equals("graph.none");
    }

    @Test
    void opNamesAreSnakeCaseAsTheConventionsList() {
        // the examples of docs/graph-conventions.md
        assertEquals("graph.conv", OnnxOps.opName("Conv"));
        assertEquals("graph.batch_normalization", OnnxOps.opName("BatchNormalization"));
        assertEquals("graph.mat_mul", OnnxOps.opName("MatMul"));
        assertEquals("graph.gather_nd", OnnxOps.opName("GatherND"));
        assertEquals("graph.q_linear_conv", OnnxOps.opName("QLinearConv"));
        assertEquals("graph.reduce_l2", OnnxOps.opName("ReduceL2"));
        assertEquals("graph.top_k", OnnxOps.opName("TopK"));
        assertEquals("graph.p_relu", OnnxOps.opName("PRelu"));
        assertEquals("graph.roi_align", OnnxOps.opName("RoiAlign"));
        assertEquals("QLinearConv", OnnxOps.opType("graph.q_linear_conv").orElseThrow());
    }

    @Test
    void supportedListIsTheRequiredOperatorList() {
        String required = "Conv, ConvTranspose, BatchNormalization, InstanceNormalization, LayerNormalization, Relu, "
                + "LeakyRelu, PRelu, Elu, Selu, Clip, Sigmoid, HardSigmoid, HardSwish, Tanh, Erf, Softplus, Softsign, "
                + "Softmax, LogSoftmax, Add, Sub, Mul, Div, Pow, Sqrt, Reciprocal, Exp, Log, Neg, Abs, Floor, Ceil, "
                + "Round, Sign, Sin, Cos, Min, Max, Sum, Mean, MatMul, Gemm, MaxPool, AveragePool, GlobalAveragePool, "
                + "GlobalMaxPool, Flatten, Reshape, Transpose, Squeeze, Unsqueeze, Concat, Split, Slice, Gather, "
                + "GatherElements, Expand, Tile, Pad, Resize, Upsample, DepthToSpace, SpaceToDepth, ReduceMean, "
                + "ReduceSum, ReduceMax, ReduceMin, ReduceProd, ReduceL2, ArgMax, ArgMin, Shape, Size, "
                + "ConstantOfShape, Constant, Range, Cast, CastLike, Where, Equal, Less, Greater, LessOrEqual, "
                + "GreaterOrEqual, Not, And, Or, Identity, Dropout, Einsum, TopK, CumSum, Trilu, OneHot, Mod, Xor, "
                + "GatherND, ScatterND, ScatterElements, NonZero, NonMaxSuppression, RoiAlign, QuantizeLinear, "
                + "DequantizeLinear, DynamicQuantizeLinear, MatMulInteger, ConvInteger, QLinearConv, QLinearMatMul, "
                + "If, Loop";
        List<String> want = List.of(required.split(", "));
        assertEquals(
                want.stream().sorted().toList(),
                OnnxOps.supported().stream().sorted().toList());
    }

    @Test
    void convBecomesGraphConvWithAttributesNamesLocationsAndDeclaredTypes() throws Exception {
        ModelProto m = ModelBuilder.graph("net")
                .opset(13)
                .input("x", FLOAT, 1, 3, 8, 8)
                .initializer(floatTensor("w", new long[] {4, 3, 1, 1}, new float[12]))
                .node(
                        "conv1",
                        "Conv",
                        List.of("x", "w"),
                        List.of("y"),
                        ints("pads", 0, 0, 0, 0),
                        attr("group", 1L),
                        attr("auto_pad", "NOTSET"))
                .output("y", FLOAT, 1, 4, 8, 8)
                .build();
        Operation module = TestSupport.importModel(m);
        assertEquals(List.of(), TestSupport.verify(module));
        Operation f = func(module);
        assertEquals("func.func", f.name());
        assertEquals("net", ((StringAttr) f.attribute("sym_name").orElseThrow()).value());
        DictionaryAttr arg0 = (DictionaryAttr)
                ((ArrayAttr) f.attribute("arg_attrs").orElseThrow()).elements().get(0);
        assertEquals(StringAttr.of("x"), arg0.get("onnx.name").orElseThrow());
        DictionaryAttr res0 = (DictionaryAttr)
                ((ArrayAttr) f.attribute("res_attrs").orElseThrow()).elements().get(0);
        assertEquals(StringAttr.of("y"), res0.get("onnx.name").orElseThrow());

        Operation conv = only(module, "graph.conv");
        assertEquals(new Location.Name("conv1", java.util.Optional.empty()), conv.loc());
        assertEquals(3, conv.numOperands(), "Conv has its maximal arity, the absent bias is graph.none");
        assertTrue(isNone(conv.operand(2)));
        assertEquals(DenseArrayAttr.i64(0, 0, 0, 0), conv.attribute("pads").orElseThrow());
        assertEquals(IntegerAttr.i64(1), conv.attribute("group").orElseThrow());
        assertEquals(StringAttr.of("NOTSET"), conv.attribute("auto_pad").orElseThrow());
        assertEquals(TensorType.of(FloatType.F32, 1, 4, 8, 8), conv.result(0).type());
        Operation w = ((OpResult) conv.operand(1)).owner();
        assertEquals("graph.constant", w.name());
        assertEquals(new Location.Name("w", java.util.Optional.empty()), w.loc());
        DictionaryAttr opsets =
                (DictionaryAttr) module.attribute("onnx.opset_import").orElseThrow();
        assertEquals(IntegerAttr.i64(13), opsets.get("ai.onnx").orElseThrow());
    }

    @Test
    void unnamedNodesAreLocatedByOpTypeAndIndexAndResultTypesAreInferred() throws Exception {
        ModelProto m = ModelBuilder.graph("g")
                .input("x", FLOAT, 2, 2)
                .node("Relu", List.of("x"), List.of("a"))
                .node("Neg", List.of("a"), List.of("b"))
                .output("b", FLOAT, 2, 2)
                .build();
        Operation module = TestSupport.importModel(m);
        Operation neg = only(module, "graph.neg");
        assertEquals(Location.name("Neg_1"), neg.loc());
        // No value_info names "a": the graph dialect's shape inference gives its type.
        assertEquals(
                TensorType.of(FloatType.F32, 2, 2),
                only(module, "graph.relu").result(0).type());
    }

    @Test
    void absentInputsShareOneNoneAndComparisonsAndShapeHaveTheirElementTypes() throws Exception {
        ModelProto m = ModelBuilder.graph("g")
                .opset(13)
                .input("x", FLOAT, 4)
                .node("Clip", List.of("x"), List.of("c"))
                .node("Shape", List.of("c"), List.of("s"))
                .node("Less", List.of("x", "c"), List.of("l"))
                .outputUnranked("s", INT64)
                .outputUnranked("l", dev.dal.onnx.proto.Onnx.TensorProto.DataType.BOOL)
                .build();
        Operation module = TestSupport.importModel(m);
        Operation clip = only(module, "graph.clip");
        assertEquals(3, clip.numOperands());
        assertTrue(isNone(clip.operand(1)) && clip.operand(1) == clip.operand(2));
        assertEquals(
                1,
                ops(module).stream().filter(o -> o.name().equals("graph.none")).count());
        assertEquals(
                TensorType.of(IntegerType.I64, 1),
                only(module, "graph.shape").result(0).type());
        assertEquals(
                TensorType.of(IntegerType.I1, 4),
                only(module, "graph.less").result(0).type());
    }

    @Test
    void nodesOutOfOrderAreImportedAfterWhatTheyRead() throws Exception {
        ModelProto m = ModelBuilder.graph("g")
                .input("x", FLOAT, 2)
                .node("second", "Neg", List.of("a"), List.of("b"))
                .node("first", "Relu", List.of("x"), List.of("a"))
                .output("b", FLOAT, 2)
                .build();
        List<String> names =
                ops(TestSupport.importModel(m)).stream().map(Operation::name).toList();
        assertTrue(names.indexOf("graph.relu") < names.indexOf("graph.neg"), names.toString());
    }

    @Test
    void smallTensorsAreDenseAndLargeOnesAreResourceBlobs() throws Exception {
        ModelProto m = ModelBuilder.graph("g")
                .input("x", FLOAT, 1000)
                .initializer(floatTensor("small", new long[] {2}, 1f, 2f))
                .initializer(floatTensor("big", new long[] {1000}, new float[1000]))
                .node("Add", List.of("x", "big"), List.of("y"))
                .node("Mul", List.of("y", "small"), List.of("z"))
                .output("z", FLOAT, 1000)
                .build();
        Operation module = TestSupport.importModel(m);
        Operation add = only(module, "graph.add"), mul = only(module, "graph.mul");
        Operation big = ((OpResult) add.operand(1)).owner(), small = ((OpResult) mul.operand(1)).owner();
        DenseResourceAttr r =
                assertInstanceOf(DenseResourceAttr.class, big.attribute("value").orElseThrow());
        assertEquals(4000, r.handle().blob().orElseThrow().size());
        assertEquals("big", r.handle().key());
        DenseElementsAttr d = assertInstanceOf(
                DenseElementsAttr.class, small.attribute("value").orElseThrow());
        assertEquals(2.0, d.getDouble(1));
    }

    @Test
    void constantNodeScalarFormsBecomeValueTensors() throws Exception {
        ModelProto m = ModelBuilder.graph("g")
                .input("x", FLOAT, 3)
                .node("k", "Constant", List.of(), List.of("c"), ModelBuilder.floats("value_floats", 1f, 2f, 3f))
                .node("Add", List.of("x", "c"), List.of("y"))
                .output("y", FLOAT, 3)
                .build();
        Operation module = TestSupport.importModel(m);
        Operation c = only(module, "graph.constant");
        assertEquals(Location.name("k"), c.loc());
        DenseElementsAttr d = (DenseElementsAttr) c.attribute("value").orElseThrow();
        assertEquals(TensorType.of(FloatType.F32, 3), d.shapedType());
        assertEquals(3.0, d.getDouble(2));
    }

    @Test
    void ifBranchesBecomeRegionsEndingInYieldThatReadOuterValues() throws Exception {
        var thenG = ModelBuilder.graph("then")
                .node("Neg", List.of("x"), List.of("t"))
                .output("t", FLOAT, 2)
                .buildGraph();
        var elseG = ModelBuilder.graph("else")
                .node("Relu", List.of("x"), List.of("e"))
                .output("e", FLOAT, 2)
                .buildGraph();
        ModelProto m = ModelBuilder.graph("g")
                .input("x", FLOAT, 2)
                .input("c", dev.dal.onnx.proto.Onnx.TensorProto.DataType.BOOL)
                // in onnx.helper's order (sorted by name): the regions must still be then, else
                .node("if1", "If", List.of("c"), List.of("y"), attr("else_branch", elseG), attr("then_branch", thenG))
                .output("y", FLOAT, 2)
                .build();
        Operation module = TestSupport.importModel(m);
        assertEquals(List.of(), TestSupport.verify(module));
        Operation iff = only(module, "graph.if");
        assertEquals(2, iff.regions().size());
        assertFalse(iff.attribute("then_branch").isPresent());
        Operation neg = iff.region(0).entry().firstOp().orElseThrow();
        assertEquals("graph.neg", neg.name());
        assertEquals(func(module).region(0).entry().argument(0), neg.operand(0));
        Operation yield = iff.region(0).entry().lastOp().orElseThrow();
        assertEquals("graph.yield", yield.name());
        assertEquals(neg.result(0), yield.operand(0));
        assertEquals("graph.relu", iff.region(1).entry().firstOp().orElseThrow().name());
    }

    @Test
    void unknownOpsImportAsCustomWhenAllowed() throws Exception {
        ModelProto m = ModelBuilder.graph("g")
                .opsetImport("com.example", 1)
                .input("x", FLOAT, 2)
                .customNode("f", "com.example", "Frobnicate", List.of("x"), List.of("y"), attr("level", 3L))
                .output("y", FLOAT, 2)
                .build();
        Operation module =
                OnnxImporter.importModel(m, "t.onnx", java.util.Optional.empty(), new OnnxImporter.Options(true));
        Operation c = only(module, "graph.custom");
        assertEquals(StringAttr.of("Frobnicate"), c.attribute("op_type").orElseThrow());
        assertEquals(StringAttr.of("com.example"), c.attribute("domain").orElseThrow());
        assertEquals(IntegerAttr.i64(3), c.attribute("level").orElseThrow());
        assertEquals(TensorType.of(FloatType.F32, 2), c.result(0).type());
    }
}
