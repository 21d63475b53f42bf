package dev.dal.onnx;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ONNX operators DAL supports (issue 4's required list, the {@code graph} dialect's op set) with their operand
 * and result arities in their newest (opset 18) form, and the mapping between ONNX op types and {@code graph} op
 * names. The importer checks every node against this one list.
 */
public final class OnnxOps {
    private OnnxOps() {}

    /** Arity marker: the inputs (or outputs) from this position on are a variadic group. */
    public static final int VARIADIC = -1;

    /**
     * An operator's shape: its fixed operand count (absent optional inputs are {@code graph.none}), whether more
     * operands follow as a variadic group, and its maximal result count ({@link #VARIADIC} when it has a variadic
     * output list).
     *
     * @param operands the fixed operands
     * @param variadicTail whether a variadic group follows the fixed operands
     * @param results the results, or {@link #VARIADIC}
     */
    public record Arity(int operands, boolean variadicTail, int results) {}

    private static final Map<String, Arity> OPS = new LinkedHashMap<>();
    private static final Map<String, String> BY_OP_NAME = new HashMap<>();

    private static void op(String type, int operands, int results) {
        OPS.put(type, new Arity(operands, false, results));
    }

    private static void variadic(String type, int fixed, int results) {
        OPS.put(type, new Arity(fixed, true, results));
    }

    static {
        op("Conv", 3, 1);
        op("ConvTranspose", 3, 1);
        op("BatchNormalization", 5, 3);
        op("InstanceNormalization", 3, 1);
        op("LayerNormalization", 3, 3);
        for (String u : List.of(
                "Relu",
                "LeakyRelu",
                "Elu",
                "Selu",
                "Sigmoid",
                "HardSigmoid",
                "HardSwish",
                "Tanh",
                "Erf",
                "Softplus",
                "Softsign",
                "Softmax",
                "LogSoftmax",
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
                "MaxPool",
                "AveragePool",
                "GlobalAveragePool",
                "GlobalMaxPool",
                "Flatten",
                "Transpose",
                "DepthToSpace",
                "SpaceToDepth",
                "ArgMax",
                "ArgMin",
                "Shape",
                "Size",
                "ConstantOfShape",
                "Cast",
                "Not",
                "Identity",
                "NonZero",
                "DynamicQuantizeLinear")) op(u, 1, 1);
        op("MaxPool", 1, 2);
        op("DynamicQuantizeLinear", 1, 3);
        op("PRelu", 2, 1);
        op("Clip", 3, 1);
        for (String b : List.of(
                "Add",
                "Sub",
                "Mul",
                "Div",
                "Pow",
                "MatMul",
                "Reshape",
                "Squeeze",
                "Unsqueeze",
                "Gather",
                "GatherElements",
                "Expand",
                "Tile",
                "Upsample",
                "ReduceMean",
                "ReduceSum",
                "ReduceMax",
                "ReduceMin",
                "ReduceProd",
                "ReduceL2",
                "CastLike",
                "Equal",
                "Less",
                "Greater",
                "LessOrEqual",
                "GreaterOrEqual",
                "And",
                "Or",
                "CumSum",
                "Trilu",
                "Mod",
                "Xor",
                "GatherND")) op(b, 2, 1);
        for (String v : List.of("Min", "Max", "Sum", "Mean", "Concat", "Einsum")) variadic(v, 0, 1);
        op("Gemm", 3, 1);
        op("Split", 2, VARIADIC);
        op("Slice", 5, 1);
        op("Pad", 4, 1);
        op("Resize", 4, 1);
        op("Constant", 0, 1);
        op("Range", 3, 1);
        op("Where", 3, 1);
        op("Dropout", 3, 2);
        op("TopK", 2, 2);
        op("OneHot", 3, 1);
        op("ScatterND", 3, 1);
        op("ScatterElements", 3, 1);
        op("NonMaxSuppression", 5, 1);
        op("RoiAlign", 3, 1);
        op("QuantizeLinear", 3, 1);
        op("DequantizeLinear", 3, 1);
        op("MatMulInteger", 4, 1);
        op("ConvInteger", 4, 1);
        op("QLinearConv", 9, 1);
        op("QLinearMatMul", 8, 1);
        op("If", 1, VARIADIC);
        variadic("Loop", 2, VARIADIC);
        for (String t : OPS.keySet()) BY_OP_NAME.put(opName(t), t);
    }

    /** {@return the supported ONNX op types of the default domain, in a stable order} */
    public static List<String> supported() {
        return List.copyOf(OPS.keySet());
    }

    /** {@return whether {@code opType} of the default domain is supported} */
    public static boolean isSupported(String opType) {
        return OPS.containsKey(opType);
    }

    /** {@return the arity of a supported op type} */
    public static Optional<Arity> arity(String opType) {
        return Optional.ofNullable(OPS.get(opType));
    }

    /** {@return whether {@code domain} names ONNX's default operator set} */
    public static boolean isDefaultDomain(String domain) {
        return domain.isEmpty() || domain.equals("ai.onnx");
    }

    /**
     * {@return the {@code graph} op name of an ONNX op type}: snake case, split before an upper-case letter that
     * follows a lower-case letter or digit, and before an upper-case letter followed by a lower-case one
     */
    public static String opName(String opType) {
        StringBuilder sb = new StringBuilder("graph.");
        for (int i = 0; i < opType.length(); i++) {
            char c = opType.charAt(i);
            if (i > 0 && Character.isUpperCase(c)) {
                char prev = opType.charAt(i - 1);
                boolean nextLower = i + 1 < opType.length() && Character.isLowerCase(opType.charAt(i + 1));
                if (Character.isLowerCase(prev)
                        || Character.isDigit(prev)
                        || (Character.isUpperCase(prev) && nextLower)) sb.append('_');
            }
            sb.append(Character.toLowerCase(c));
        }
        return sb.toString();
    }

    /** {@return the ONNX op type of a {@code graph} op name, if it is one of the supported ops} */
    public static Optional<String> opType(String opName) {
        return Optional.ofNullable(BY_OP_NAME.get(opName));
    }
}
