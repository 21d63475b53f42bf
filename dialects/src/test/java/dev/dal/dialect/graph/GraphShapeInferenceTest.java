package dev.dal.dialect.graph;

import static dev.dal.dialect.graph.GraphIr.assertInfers;
import static dev.dal.dialect.graph.GraphIr.infer;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * Shape inference of the graph ops, with static and dynamic shapes, broadcasting, negative axes, padding modes
 * and constant operands. Expected types are worked out by hand from the ONNX operator specification.
 */
class GraphShapeInferenceTest {
    private static final String NONE = "%n = graph.none : none";

    /** {@return a graph.constant line holding i64 values} */
    private static String ints(String name, long... v) {
        String body = LongStream.of(v).mapToObj(Long::toString).collect(Collectors.joining(", ", "[", "]"));
        return "%" + name + " = graph.constant {value = dense<" + body + "> : tensor<" + v.length + "xi64>} : tensor<"
                + v.length + "xi64>";
    }

    /** {@return a graph.constant line holding f32 values} */
    private static String floats(String name, String... v) {
        return "%" + name + " = graph.constant {value = dense<[" + String.join(", ", v) + "]> : tensor<" + v.length
                + "xf32>} : tensor<" + v.length + "xf32>";
    }

    // ---- elementwise ----------------------------------------------------------------------------------------

    @Test
    void binaryOpsBroadcastDynamicAgainstStaticAndOne() {
        assertInfers(
                "tensor<4x?x3xf32>",
                "%a: tensor<?x3xf32>, %b: tensor<4x1x3xf32>",
                "%y = graph.add %a, %b : (tensor<?x3xf32>, tensor<4x1x3xf32>) -> tensor<4x?x3xf32>");
        assertInfers(
                "tensor<5xf32>",
                "%a: tensor<?xf32>, %b: tensor<5xf32>",
                "%y = graph.mul %a, %b : (tensor<?xf32>, tensor<5xf32>) -> tensor<5xf32>");
    }

    @Test
    void unrankedOperandGivesUnrankedResult() {
        assertInfers(
                "tensor<*xf32>",
                "%a: tensor<*xf32>, %b: tensor<5xf32>",
                "%y = graph.sub %a, %b : (tensor<*xf32>, tensor<5xf32>) -> tensor<*xf32>");
    }

    @Test
    void incompatibleShapesInferNothing() {
        // The verifier rejects this op; inference must not invent a shape for it.
        assertEquals(
                Optional.empty(),
                GraphIr.inferText(GraphIr.parse(
                                "func.func @f(%a: tensor<2xf32>, %b: tensor<3xf32>) {\n"
                                        + "  %y = \"graph.div\"(%a, %b) : (tensor<2xf32>, tensor<3xf32>) -> tensor<3xf32>\n  return\n}")
                        .collect(DivOp.class)
                        .getFirst()));
    }

    @Test
    void comparisonsGiveBooleansAndWhereBroadcastsThreeWays() {
        assertInfers(
                "tensor<2x3xi1>",
                "%a: tensor<2x1xi32>, %b: tensor<3xi32>",
                "%y = graph.less_or_equal %a, %b : (tensor<2x1xi32>, tensor<3xi32>) -> tensor<2x3xi1>");
        assertInfers(
                "tensor<4x2x3xf16>",
                "%c: tensor<4x1x1xi1>, %a: tensor<3xf16>, %b: tensor<2x1xf16>",
                "%y = graph.where %c, %a, %b : (tensor<4x1x1xi1>, tensor<3xf16>, tensor<2x1xf16>) -> tensor<4x2x3xf16>");
    }

    @Test
    void variadicOpsBroadcastAllInputs() {
        assertInfers(
                "tensor<2x?x3xf32>",
                "%a: tensor<3xf32>, %b: tensor<2x1x1xf32>, %c: tensor<?x1xf32>",
                "%y = graph.sum %a, %b, %c : (tensor<3xf32>, tensor<2x1x1xf32>, tensor<?x1xf32>) -> tensor<2x?x3xf32>");
    }

    @Test
    void castTakesTheElementTypeFromTheOnnxCode() {
        assertInfers(
                "tensor<?x3xf16>",
                "%x: tensor<?x3xf32>",
                "%y = graph.cast %x {to = 10 : i64} : (tensor<?x3xf32>) -> tensor<?x3xf16>");
        assertInfers(
                "tensor<2xui8>",
                "%x: tensor<2xf32>",
                "%y = graph.cast %x {to = 2 : i64} : (tensor<2xf32>) -> tensor<2xui8>");
    }

    // ---- convolution and pooling ----------------------------------------------------------------------------

    @Test
    void convWithPadsStridesAndDynamicDims() {
        // W = (10 + 1 + 1 - 3) / 2 + 1 = 5 (floor); H is dynamic, so is its output.
        assertInfers(
                "tensor<?x8x?x5xf32>",
                "%x: tensor<?x3x?x10xf32>, %w: tensor<8x3x3x3xf32>",
                NONE,
                "%y = graph.conv %x, %w, %n {pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 2, 2>}"
                        + " : (tensor<?x3x?x10xf32>, tensor<8x3x3x3xf32>, none) -> tensor<?x8x?x5xf32>");
    }

    @Test
    void convAutoPadSameIsCeilOfInputOverStrideAndValidHasNoPadding() {
        assertInfers(
                "tensor<1x2x4x4xf32>",
                "%x: tensor<1x2x7x7xf32>, %w: tensor<2x2x3x3xf32>",
                NONE,
                "%y = graph.conv %x, %w, %n {auto_pad = \"SAME_UPPER\", pads = array<i64: 9, 9, 9, 9>, strides = array<i64: 2, 2>}"
                        + " : (tensor<1x2x7x7xf32>, tensor<2x2x3x3xf32>, none) -> tensor<1x2x4x4xf32>");
        assertInfers(
                "tensor<1x2x3x3xf32>",
                "%x: tensor<1x2x7x7xf32>, %w: tensor<2x2x3x3xf32>",
                NONE,
                "%y = graph.conv %x, %w, %n {auto_pad = \"VALID\", strides = array<i64: 2, 2>}"
                        + " : (tensor<1x2x7x7xf32>, tensor<2x2x3x3xf32>, none) -> tensor<1x2x3x3xf32>");
    }

    @Test
    void convDilationWidensTheKernelAndKernelShapeOverridesTheWeight() {
        // Effective kernel (3 - 1) * 2 + 1 = 5: 10 - 5 + 1 = 6.
        assertInfers(
                "tensor<1x4x6xf32>",
                "%x: tensor<1x2x10xf32>, %w: tensor<4x2x3xf32>",
                NONE,
                "%y = graph.conv %x, %w, %n {dilations = array<i64: 2>} : (tensor<1x2x10xf32>, tensor<4x2x3xf32>, none) -> tensor<1x4x6xf32>");
        assertInfers(
                "tensor<1x4x?xf32>",
                "%x: tensor<1x2x10xf32>, %w: tensor<4x2x?xf32>",
                NONE,
                "%y = graph.conv %x, %w, %n : (tensor<1x2x10xf32>, tensor<4x2x?xf32>, none) -> tensor<1x4x?xf32>");
    }

    @Test
    void convTransposeFromPadsOutputPaddingOrOutputShape() {
        // 2 * (3 - 1) + 1 + (3 - 1) + 1 - 2 = 6; output channels = W[1] * group = 3 * 2.
        assertInfers(
                "tensor<1x6x6xf32>",
                "%x: tensor<1x4x3xf32>, %w: tensor<4x3x3xf32>",
                NONE,
                "%y = graph.conv_transpose %x, %w, %n {group = 2 : i64, output_padding = array<i64: 1>, pads = array<i64: 1, 1>, strides = array<i64: 2>}"
                        + " : (tensor<1x4x3xf32>, tensor<4x3x3xf32>, none) -> tensor<1x6x6xf32>");
        assertInfers(
                "tensor<1x3x10xf32>",
                "%x: tensor<1x4x3xf32>, %w: tensor<4x3x3xf32>",
                NONE,
                "%y = graph.conv_transpose %x, %w, %n {output_shape = array<i64: 10>, strides = array<i64: 2>}"
                        + " : (tensor<1x4x3xf32>, tensor<4x3x3xf32>, none) -> tensor<1x3x10xf32>");
    }

    @Test
    void poolCeilModeRoundsUpButDropsAWindowStartingInThePadding() {
        // span = 3 + 1 - 1 = 3, ceil(3 / 2) + 1 = 3, but window 3 would start at 4 >= 3: dropped, so 2.
        assertEquals(
                Optional.of(List.of("tensor<1x1x2x2xf32>", "tensor<1x1x2x2xi64>")),
                infer(
                        "%x: tensor<1x1x3x3xf32>",
                        "%y:2 = graph.max_pool %x {ceil_mode = 1 : i64, kernel_shape = array<i64: 1, 1>, pads = array<i64: 0, 0, 1, 1>, strides = array<i64: 2, 2>}"
                                + " : (tensor<1x1x3x3xf32>) -> (tensor<1x1x2x2xf32>, tensor<1x1x2x2xi64>)"));
        // Without ceil_mode: floor((8 - 3) / 2) + 1 = 3.
        assertInfers(
                "tensor<?x3x3x?xf32>",
                "%x: tensor<?x3x8x?xf32>",
                "%y = graph.average_pool %x {kernel_shape = array<i64: 3, 3>, strides = array<i64: 2, 2>}"
                        + " : (tensor<?x3x8x?xf32>) -> tensor<?x3x3x?xf32>");
    }

    @Test
    void globalPoolKeepsBatchAndChannels() {
        assertInfers(
                "tensor<?x7x1x1x1xf32>",
                "%x: tensor<?x7x4x?x2xf32>",
                "%y = graph.global_max_pool %x : (tensor<?x7x4x?x2xf32>) -> tensor<?x7x1x1x1xf32>");
    }

    // ---- matrix products ------------------------------------------------------------------------------------

    @Test
    void matMulPromotesVectorsAndBroadcastsBatches() {
        assertInfers(
                "tensor<4xf32>",
                "%a: tensor<3xf32>, %b: tensor<3x4xf32>",
                "%y = graph.mat_mul %a, %b : (tensor<3xf32>, tensor<3x4xf32>) -> tensor<4xf32>");
        assertInfers(
                "tensor<2xf32>",
                "%a: tensor<2x3xf32>, %b: tensor<3xf32>",
                "%y = graph.mat_mul %a, %b : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2xf32>");
        assertInfers(
                "tensor<f32>",
                "%a: tensor<3xf32>, %b: tensor<3xf32>",
                "%y = graph.mat_mul %a, %b : (tensor<3xf32>, tensor<3xf32>) -> tensor<f32>");
        assertInfers(
                "tensor<2x5x?x4xf32>",
                "%a: tensor<2x1x?x3xf32>, %b: tensor<5x3x4xf32>",
                "%y = graph.mat_mul %a, %b : (tensor<2x1x?x3xf32>, tensor<5x3x4xf32>) -> tensor<2x5x?x4xf32>");
    }

    @Test
    void gemmHonoursTransposes() {
        assertInfers(
                "tensor<2x?xf32>",
                "%a: tensor<3x2xf32>, %b: tensor<?x3xf32>",
                NONE,
                "%y = graph.gemm %a, %b, %n {transA = 1 : i64, transB = 1 : i64} : (tensor<3x2xf32>, tensor<?x3xf32>, none) -> tensor<2x?xf32>");
    }

    // ---- reshaping ------------------------------------------------------------------------------------------

    @Test
    void reshapeCopiesZerosAndInfersMinusOne() {
        assertInfers(
                "tensor<4x6xf32>",
                "%x: tensor<2x3x4xf32>",
                ints("s", -1, 6),
                "%y = graph.reshape %x, %s : (tensor<2x3x4xf32>, tensor<2xi64>) -> tensor<4x6xf32>");
        assertInfers(
                "tensor<?x?xf32>",
                "%x: tensor<?x3x4xf32>",
                ints("s", 0, -1),
                "%y = graph.reshape %x, %s : (tensor<?x3x4xf32>, tensor<2xi64>) -> tensor<?x?xf32>");
        assertInfers(
                "tensor<0x5xf32>",
                "%x: tensor<0x5xf32>",
                ints("s", 0, 5),
                "%y = graph.reshape %x, %s {allowzero = 1 : i64} : (tensor<0x5xf32>, tensor<2xi64>) -> tensor<0x5xf32>");
        // A shape that is not constant still gives the rank.
        assertInfers(
                "tensor<?x?x?xf32>",
                "%x: tensor<2x3x4xf32>, %s: tensor<3xi64>",
                "%y = graph.reshape %x, %s : (tensor<2x3x4xf32>, tensor<3xi64>) -> tensor<?x?x?xf32>");
    }

    @Test
    void flattenWithZeroAndNegativeAxis() {
        assertInfers(
                "tensor<1x24xf32>",
                "%x: tensor<2x3x4xf32>",
                "%y = graph.flatten %x {axis = 0 : i64} : (tensor<2x3x4xf32>) -> tensor<1x24xf32>");
        assertInfers(
                "tensor<?x4xf32>",
                "%x: tensor<?x3x4xf32>",
                "%y = graph.flatten %x {axis = -1 : i64} : (tensor<?x3x4xf32>) -> tensor<?x4xf32>");
    }

    @Test
    void transposeReversesWithoutPerm() {
        assertInfers(
                "tensor<4x?x2xf32>",
                "%x: tensor<2x?x4xf32>",
                "%y = graph.transpose %x : (tensor<2x?x4xf32>) -> tensor<4x?x2xf32>");
    }

    @Test
    void squeezeAndUnsqueezeWithNegativeAxes() {
        assertInfers(
                "tensor<3x1xf32>",
                "%x: tensor<1x3x1xf32>",
                ints("a", -3),
                "%y = graph.squeeze %x, %a : (tensor<1x3x1xf32>, tensor<1xi64>) -> tensor<3x1xf32>");
        assertInfers(
                "tensor<3xf32>",
                "%x: tensor<1x3x1xf32>",
                NONE,
                "%y = graph.squeeze %x, %n : (tensor<1x3x1xf32>, none) -> tensor<3xf32>");
        // Without axes a dynamic dim may or may not be squeezed.
        assertInfers(
                "tensor<*xf32>",
                "%x: tensor<1x?xf32>",
                NONE,
                "%y = graph.squeeze %x, %n : (tensor<1x?xf32>, none) -> tensor<*xf32>");
        assertInfers(
                "tensor<1x3x4x1xf32>",
                "%x: tensor<3x4xf32>",
                ints("a", -1, 0),
                "%y = graph.unsqueeze %x, %a : (tensor<3x4xf32>, tensor<2xi64>) -> tensor<1x3x4x1xf32>");
    }

    @Test
    void concatAddsTheAxisAndMeetsTheOthers() {
        assertInfers(
                "tensor<7x3xf32>",
                "%a: tensor<2x3xf32>, %b: tensor<5x?xf32>",
                "%y = graph.concat %a, %b {axis = -2 : i64} : (tensor<2x3xf32>, tensor<5x?xf32>) -> tensor<7x3xf32>");
        assertInfers(
                "tensor<2x?xf32>",
                "%a: tensor<2x?xf32>, %b: tensor<2x3xf32>",
                "%y = graph.concat %a, %b {axis = 1 : i64} : (tensor<2x?xf32>, tensor<2x3xf32>) -> tensor<2x?xf32>");
    }

    @Test
    void splitEvenlyLeavesTheLastPartSmaller() {
        assertEquals(
                Optional.of(List.of("tensor<2x3xf32>", "tensor<2x3xf32>", "tensor<2x1xf32>")),
                infer(
                        "%x: tensor<2x7xf32>",
                        NONE,
                        "%y:3 = graph.split %x, %n {axis = -1 : i64, num_outputs = 3 : i64}"
                                + " : (tensor<2x7xf32>, none) -> (tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x1xf32>)"));
    }

    @Test
    void sliceClampsAndStepsBackwards() {
        // 8, 5, 2: three elements.
        assertInfers(
                "tensor<3x4xf32>",
                "%x: tensor<10x4xf32>",
                ints("s", 8),
                ints("e", 1),
                ints("a", 0),
                ints("st", -3),
                "%y = graph.slice %x, %s, %e, %a, %st : (tensor<10x4xf32>, tensor<1xi64>, tensor<1xi64>, tensor<1xi64>, tensor<1xi64>) -> tensor<3x4xf32>");
        // Ends past the dim clamp; negative axes count from the back; dynamic dims stay dynamic.
        assertInfers(
                "tensor<?x2xf32>",
                "%x: tensor<?x4xf32>",
                ints("s", 2),
                ints("e", 9223372036854775807L),
                ints("a", -1),
                NONE,
                "%y = graph.slice %x, %s, %e, %a, %n : (tensor<?x4xf32>, tensor<1xi64>, tensor<1xi64>, tensor<1xi64>, none) -> tensor<?x2xf32>");
        // Non-constant starts: the sliced axis becomes dynamic, the others keep their size.
        assertInfers(
                "tensor<10x?xf32>",
                "%x: tensor<10x4xf32>, %s: tensor<1xi64>",
                ints("e", 3),
                ints("a", 1),
                NONE,
                "%y = graph.slice %x, %s, %e, %a, %n : (tensor<10x4xf32>, tensor<1xi64>, tensor<1xi64>, tensor<1xi64>, none) -> tensor<10x?xf32>");
    }

    @Test
    void gatherInsertsTheIndicesShapeAtANegativeAxis() {
        assertInfers(
                "tensor<5x4x2x2xf32>",
                "%x: tensor<5x4x3xf32>, %i: tensor<2x2xi64>",
                "%y = graph.gather %x, %i {axis = -1 : i64} : (tensor<5x4x3xf32>, tensor<2x2xi64>) -> tensor<5x4x2x2xf32>");
        assertInfers(
                "tensor<2x4xf32>",
                "%x: tensor<2x3x4xf32>, %i: tensor<2x1xi64>",
                "%y = graph.gather_nd %x, %i {batch_dims = 1 : i64} : (tensor<2x3x4xf32>, tensor<2x1xi64>) -> tensor<2x4xf32>");
    }

    @Test
    void expandTilePadFollowTheirConstants() {
        assertInfers(
                "tensor<2x?x4xf32>",
                "%x: tensor<?x1xf32>",
                ints("s", 2, 1, 4),
                "%y = graph.expand %x, %s : (tensor<?x1xf32>, tensor<3xi64>) -> tensor<2x?x4xf32>");
        assertInfers(
                "tensor<?x6xf32>",
                "%x: tensor<?x3xf32>",
                ints("r", 2, 2),
                "%y = graph.tile %x, %r : (tensor<?x3xf32>, tensor<2xi64>) -> tensor<?x6xf32>");
        // Negative pads crop; axes choose the padded dims.
        assertInfers(
                "tensor<2x2xf32>",
                "%x: tensor<2x3xf32>",
                ints("p", 1, -2),
                ints("a", -1),
                NONE,
                "%y = graph.pad %x, %p, %n, %a : (tensor<2x3xf32>, tensor<2xi64>, none, tensor<1xi64>) -> tensor<2x2xf32>");
    }

    @Test
    void resizeFromScalesFloorsAndFromSizesCopies() {
        assertInfers(
                "tensor<1x3x2x7xf32>",
                "%x: tensor<1x3x5x5xf32>",
                NONE,
                floats("s", "1.0", "1.0", "0.5", "1.5"),
                "%y = graph.resize %x, %n, %s, %n : (tensor<1x3x5x5xf32>, none, tensor<4xf32>, none) -> tensor<1x3x2x7xf32>");
        assertInfers(
                "tensor<?x3x9x4xf32>",
                "%x: tensor<?x3x5x5xf32>",
                NONE,
                ints("z", 9, 4),
                "%y = graph.resize %x, %n, %n, %z {axes = array<i64: 2, 3>} : (tensor<?x3x5x5xf32>, none, none, tensor<2xi64>) -> tensor<?x3x9x4xf32>");
    }

    @Test
    void depthToSpaceAndBack() {
        assertInfers(
                "tensor<?x2x?x6xf32>",
                "%x: tensor<?x8x?x3xf32>",
                "%y = graph.depth_to_space %x {blocksize = 2 : i64} : (tensor<?x8x?x3xf32>) -> tensor<?x2x?x6xf32>");
        assertInfers(
                "tensor<1x18x2x?xf32>",
                "%x: tensor<1x2x6x?xf32>",
                "%y = graph.space_to_depth %x {blocksize = 3 : i64} : (tensor<1x2x6x?xf32>) -> tensor<1x18x2x?xf32>");
    }

    // ---- reductions -----------------------------------------------------------------------------------------

    @Test
    void reductionsKeepOrDropAxes() {
        assertInfers(
                "tensor<2x1x1xf32>",
                "%x: tensor<2x?x4xf32>",
                ints("a", -1, 1),
                "%y = graph.reduce_mean %x, %a : (tensor<2x?x4xf32>, tensor<2xi64>) -> tensor<2x1x1xf32>");
        assertInfers(
                "tensor<f32>",
                "%x: tensor<2x?x4xf32>",
                NONE,
                "%y = graph.reduce_sum %x, %n {keepdims = 0 : i64} : (tensor<2x?x4xf32>, none) -> tensor<f32>");
        assertInfers(
                "tensor<2x?x4xf32>",
                "%x: tensor<2x?x4xf32>",
                NONE,
                "%y = graph.reduce_max %x, %n {noop_with_empty_axes = 1 : i64} : (tensor<2x?x4xf32>, none) -> tensor<2x?x4xf32>");
        assertInfers(
                "tensor<2x4xi64>",
                "%x: tensor<2x3x4xf32>",
                "%y = graph.arg_min %x {axis = -2 : i64, keepdims = 0 : i64} : (tensor<2x3x4xf32>) -> tensor<2x4xi64>");
        assertInfers(
                "tensor<1x3xi64>",
                "%x: tensor<2x3xf32>",
                "%y = graph.arg_max %x : (tensor<2x3xf32>) -> tensor<1x3xi64>");
    }

    @Test
    void topKTakesKFromTheConstant() {
        assertEquals(
                Optional.of(List.of("tensor<3x?xf32>", "tensor<3x?xi64>")),
                infer(
                        "%x: tensor<3x10xf32>, %k: tensor<1xi64>",
                        "%y:2 = graph.top_k %x, %k : (tensor<3x10xf32>, tensor<1xi64>) -> (tensor<3x?xf32>, tensor<3x?xi64>)"));
        assertEquals(
                Optional.of(List.of("tensor<2x10xf32>", "tensor<2x10xi64>")),
                infer(
                        "%x: tensor<3x10xf32>",
                        ints("k", 2),
                        "%y:2 = graph.top_k %x, %k {axis = 0 : i64} : (tensor<3x10xf32>, tensor<1xi64>) -> (tensor<2x10xf32>, tensor<2x10xi64>)"));
    }

    // ---- creation and indices -------------------------------------------------------------------------------

    @Test
    void shapeSizeAndConstantOfShape() {
        assertInfers(
                "tensor<2xi64>",
                "%x: tensor<?x3x4x5xf32>",
                "%y = graph.shape %x {end = -1 : i64, start = -3 : i64} : (tensor<?x3x4x5xf32>) -> tensor<2xi64>");
        assertInfers("tensor<i64>", "%x: tensor<?x3xf32>", "%y = graph.size %x : (tensor<?x3xf32>) -> tensor<i64>");
        assertInfers(
                "tensor<2x3xf32>",
                "",
                ints("s", 2, 3),
                "%y = graph.constant_of_shape %s : (tensor<2xi64>) -> tensor<2x3xf32>");
        assertInfers(
                "tensor<?x?xf32>",
                "%s: tensor<2xi64>",
                "%y = graph.constant_of_shape %s : (tensor<2xi64>) -> tensor<?x?xf32>");
    }

    @Test
    void rangeCountsFromConstants() {
        String s = "%s = graph.constant {value = dense<1> : tensor<i64>} : tensor<i64>";
        String l = "%l = graph.constant {value = dense<10> : tensor<i64>} : tensor<i64>";
        String d = "%d = graph.constant {value = dense<3> : tensor<i64>} : tensor<i64>";
        assertInfers(
                "tensor<3xi64>",
                "",
                s,
                l,
                d,
                "%y = graph.range %s, %l, %d : (tensor<i64>, tensor<i64>, tensor<i64>) -> tensor<3xi64>");
        String neg = "%d = graph.constant {value = dense<-3> : tensor<i64>} : tensor<i64>";
        assertInfers(
                "tensor<0xi64>",
                "",
                s,
                l,
                neg,
                "%y = graph.range %s, %l, %d : (tensor<i64>, tensor<i64>, tensor<i64>) -> tensor<0xi64>");
    }

    @Test
    void dataDependentOpsGiveWhatIsKnown() {
        assertInfers(
                "tensor<3x?xi64>",
                "%x: tensor<2x?x4xf32>",
                "%y = graph.non_zero %x : (tensor<2x?x4xf32>) -> tensor<3x?xi64>");
        assertInfers(
                "tensor<?x3xi64>",
                "%b: tensor<1x6x4xf32>, %s: tensor<1x1x6xf32>",
                NONE,
                "%y = graph.non_max_suppression %b, %s, %n, %n, %n : (tensor<1x6x4xf32>, tensor<1x1x6xf32>, none, none, none) -> tensor<?x3xi64>");
    }

    @Test
    void oneHotInsertsTheDepthAtTheAxis() {
        assertInfers(
                "tensor<5x3xf32>",
                "%i: tensor<3xi64>, %v: tensor<2xf32>",
                ints("d", 5),
                "%y = graph.one_hot %i, %d, %v {axis = 0 : i64} : (tensor<3xi64>, tensor<1xi64>, tensor<2xf32>) -> tensor<5x3xf32>");
    }

    @Test
    void einsumMapsLettersToDims() {
        assertInfers(
                "tensor<4x?xf32>",
                "%a: tensor<?x4xf32>",
                "%y = graph.einsum %a {equation = \"ij->ji\"} : (tensor<?x4xf32>) -> tensor<4x?xf32>");
        assertInfers(
                "tensor<2x5xf32>",
                "%a: tensor<2x3xf32>, %b: tensor<?x5xf32>",
                "%y = graph.einsum %a, %b {equation = \"ij, jk -> ik\"} : (tensor<2x3xf32>, tensor<?x5xf32>) -> tensor<2x5xf32>");
    }

    // ---- normalization and quantization ---------------------------------------------------------------------

    @Test
    void layerNormalizationStatisticsKeepTheLeadingDims() {
        assertEquals(
                Optional.of(List.of("tensor<?x3x4xf16>", "tensor<?x1x1xf32>", "tensor<?x1x1xf32>")),
                infer(
                        "%x: tensor<?x3x4xf16>, %s: tensor<3x4xf16>",
                        NONE,
                        "%y:3 = graph.layer_normalization %x, %s, %n {axis = -2 : i64} : (tensor<?x3x4xf16>, tensor<3x4xf16>, none)"
                                + " -> (tensor<?x3x4xf16>, tensor<?x1x1xf32>, tensor<?x1x1xf32>)"));
    }

    @Test
    void quantizeTakesTheZeroPointTypeOrTheOutputDtypeOrUi8() {
        assertInfers(
                "tensor<?x3xui8>",
                "%x: tensor<?x3xf32>, %s: tensor<f32>",
                NONE,
                "%y = graph.quantize_linear %x, %s, %n : (tensor<?x3xf32>, tensor<f32>, none) -> tensor<?x3xui8>");
        assertInfers(
                "tensor<?x3xi8>",
                "%x: tensor<?x3xf32>, %s: tensor<f32>",
                NONE,
                "%y = graph.quantize_linear %x, %s, %n {output_dtype = 3 : i64} : (tensor<?x3xf32>, tensor<f32>, none) -> tensor<?x3xi8>");
        assertInfers(
                "tensor<?x3xf16>",
                "%x: tensor<?x3xi8>, %s: tensor<f16>",
                NONE,
                "%y = graph.dequantize_linear %x, %s, %n : (tensor<?x3xi8>, tensor<f16>, none) -> tensor<?x3xf16>");
    }

    // ---- control flow ---------------------------------------------------------------------------------------

    @Test
    void ifJoinsTheBranchTypes() {
        assertInfers(
                "tensor<?x3xf32>",
                "%c: tensor<i1>, %a: tensor<2x3xf32>, %b: tensor<4x3xf32>",
                "%r = graph.if %c ({",
                "  graph.yield %a : tensor<2x3xf32>",
                "}, {",
                "  graph.yield %b : tensor<4x3xf32>",
                "}) : (tensor<i1>) -> tensor<?x3xf32>");
        assertInfers(
                "tensor<*xf32>",
                "%c: tensor<i1>, %a: tensor<2x3xf32>, %b: tensor<3xf32>",
                "%r = graph.if %c ({",
                "  graph.yield %a : tensor<2x3xf32>",
                "}, {",
                "  graph.yield %b : tensor<3xf32>",
                "}) : (tensor<i1>) -> tensor<*xf32>");
    }

    @Test
    void loopCarriesJoinedTypesAndStacksScanOutputs() {
        assertEquals(
                Optional.of(List.of("tensor<?xf32>", "tensor<?x3xf32>")),
                infer(
                        "%m: tensor<i64>, %c: tensor<i1>, %v: tensor<2xf32>, %w: tensor<3xf32>",
                        "%r:2 = graph.loop %m, %c, %v ({",
                        "^bb0(%i: tensor<i64>, %ci: tensor<i1>, %vi: tensor<2xf32>):",
                        "  %s = graph.concat %vi, %vi {axis = 0 : i64} : (tensor<2xf32>, tensor<2xf32>) -> tensor<4xf32>",
                        "  graph.yield %ci, %s, %w : (tensor<i1>, tensor<4xf32>, tensor<3xf32>) -> ()",
                        "}) : (tensor<i64>, tensor<i1>, tensor<2xf32>) -> (tensor<?xf32>, tensor<?x3xf32>)"));
    }
}
