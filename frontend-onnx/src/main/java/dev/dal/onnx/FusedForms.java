package dev.dal.onnx;

import com.google.protobuf.ByteString;
import dev.dal.ir.FloatAttr;
import dev.dal.ir.Location;
import dev.dal.ir.NamedAttribute;
import dev.dal.ir.Operation;
import dev.dal.ir.ShapedType;
import dev.dal.ir.StringAttr;
import dev.dal.ir.Type;
import dev.dal.ir.Value;
import dev.dal.onnx.proto.Onnx.AttributeProto;
import dev.dal.onnx.proto.Onnx.NodeProto;
import dev.dal.onnx.proto.Onnx.TensorProto;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The standard ONNX nodes for the {@code graph} ops that optimisation makes and ONNX has no operator for, so an
 * optimised module exports to a file ONNX Runtime and Netron read:
 *
 * <ul>
 *   <li>{@code graph.fused_conv}: {@code Conv}, then {@code Add} of the residual, then the activation ({@code Relu},
 *       {@code Clip} for relu6 and clip, {@code LeakyRelu}, {@code HardSwish}, {@code Sigmoid});
 *   <li>{@code graph.scale_shift}: {@code Mul} and {@code Add} by the per-channel vectors reshaped to {@code [C, 1,
 *       ...]};
 *   <li>{@code graph.gelu}: {@code 0.5 * x * (1 + Erf(x / sqrt(2)))}, or the tanh form (opset 18 has no Gelu);
 *   <li>{@code graph.silu}: {@code x * Sigmoid(x)}.
 * </ul>
 *
 * The last node writes the op's result name; the others write fresh names derived from it, and node names derive
 * from the op's location.
 */
final class FusedForms {
    /** The exporter's naming and constants, which the nodes share with the rest of the graph. */
    interface Graph {
        /** {@return the ONNX name of a value} */
        String name(Value v);

        /** {@return a name not used yet, from {@code base}} */
        String fresh(String base);

        /** Adds an initializer. */
        void initializer(TensorProto t);

        /** {@return the ONNX attribute for one of the op's attributes} */
        AttributeProto attribute(NamedAttribute a) throws OnnxException;
    }

    /** The ops this class writes. */
    static final Set<String> OPS = Set.of("graph.fused_conv", "graph.scale_shift", "graph.gelu", "graph.silu");

    /** The fused conv's own attributes, which its {@code Conv} node does not take. */
    private static final Set<String> ACTIVATION_ATTRS = Set.of("activation", "alpha", "min", "max");

    private final Operation op;
    private final Graph g;
    private final String base;
    private final List<NodeProto> nodes = new ArrayList<>();

    private FusedForms(Operation op, Graph g) {
        this.op = op;
        this.g = g;
        this.base = op.loc() instanceof Location.Name nl ? nl.name() : op.name().substring("graph.".length());
    }

    /** {@return the nodes computing {@code op}, or empty when it is not one of {@link #OPS}} */
    static Optional<List<NodeProto>> nodes(Operation op, Graph g) throws OnnxException {
        if (!OPS.contains(op.name())) return Optional.empty();
        FusedForms f = new FusedForms(op, g);
        String out = g.name(op.result(0));
        switch (op.name()) {
            case "graph.fused_conv" -> f.fusedConv(out);
            case "graph.scale_shift" -> f.scaleShift(out);
            case "graph.gelu" -> f.gelu(out);
            default -> f.silu(out);
        }
        return Optional.of(f.nodes);
    }

    private void fusedConv(String out) throws OnnxException {
        String act =
                op.attribute("activation").map(a -> ((StringAttr) a).value()).orElse("none");
        boolean residual = !g.name(op.operand(3)).isEmpty();
        String x = g.name(op.operand(0)), w = g.name(op.operand(1)), b = g.name(op.operand(2));
        NodeProto.Builder conv =
                NodeProto.newBuilder().setOpType("Conv").addInput(x).addInput(w);
        if (!b.isEmpty()) conv.addInput(b);
        for (NamedAttribute a : op.attributes())
            if (!ACTIVATION_ATTRS.contains(a.name())) conv.addAttribute(g.attribute(a));
        boolean last = !residual && act.equals("none");
        String y = add(conv, "Conv", last ? out : null);
        if (residual) y = add(node("Add", y, g.name(op.operand(3))), "Add", act.equals("none") ? out : null);
        switch (act) {
            case "none" -> {}
            case "relu" -> add(node("Relu", y), "Relu", out);
            case "sigmoid" -> add(node("Sigmoid", y), "Sigmoid", out);
            case "hard_swish" -> add(node("HardSwish", y), "HardSwish", out);
            case "leaky_relu" -> {
                float alpha = op.attribute("alpha")
                        .map(a -> (float) ((FloatAttr) a).value())
                        .orElse(0.01f);
                add(node("LeakyRelu", y).addAttribute(floatAttr("alpha", alpha)), "LeakyRelu", out);
            }
            case "relu6" -> add(node("Clip", y, scalar("zero", 0), scalar("six", 6)), "Clip", out);
            case "clip" -> {
                String lo = bound("min"), hi = bound("max");
                NodeProto.Builder clip = hi.isEmpty() ? node("Clip", y, lo) : node("Clip", y, lo, hi);
                add(clip, "Clip", out);
            }
            default -> throw OnnxExporter.error(op, "activation '" + act + "' has no ONNX form");
        }
    }

    private String bound(String name) throws OnnxException {
        Optional<FloatAttr> a = op.attribute(name).map(FloatAttr.class::cast);
        return a.isEmpty() ? "" : scalar(name, a.get().value());
    }

    private void scaleShift(String out) throws OnnxException {
        int rank = ((ShapedType) op.operand(0).type()).shape().size();
        long[] dims = new long[rank - 1];
        dims[0] = -1;
        for (int i = 1; i < dims.length; i++) dims[i] = 1;
        String shape = g.fresh(base + "_channel_shape");
        TensorProto.Builder t = TensorProto.newBuilder()
                .setName(shape)
                .setDataType(TensorProto.DataType.INT64.getNumber())
                .addDims(dims.length);
        for (long d : dims) t.addInt64Data(d);
        g.initializer(t.build());
        String s = add(node("Reshape", g.name(op.operand(1)), shape), "Reshape", null);
        String h = add(node("Reshape", g.name(op.operand(2)), shape), "Reshape", null);
        String m = add(node("Mul", g.name(op.operand(0)), s), "Mul", null);
        add(node("Add", m, h), "Add", out);
    }

    private void gelu(String out) throws OnnxException {
        String x = g.name(op.operand(0));
        boolean tanh = op.attribute("approximate")
                .map(a -> ((StringAttr) a).value())
                .orElse("none")
                .equals("tanh");
        String inner;
        if (tanh) {
            // tanh(sqrt(2 / pi) * (x + 0.044715 * x^3))
            String x2 = add(node("Mul", x, x), "Mul", null);
            String x3 = add(node("Mul", x2, x), "Mul", null);
            String cubic = add(node("Mul", x3, scalar("c", 0.044715)), "Mul", null);
            String sum = add(node("Add", x, cubic), "Add", null);
            String scaled = add(node("Mul", sum, scalar("k", Math.sqrt(2 / Math.PI))), "Mul", null);
            inner = add(node("Tanh", scaled), "Tanh", null);
        } else {
            String scaled = add(node("Div", x, scalar("sqrt2", Math.sqrt(2))), "Div", null);
            inner = add(node("Erf", scaled), "Erf", null);
        }
        String plus = add(node("Add", inner, scalar("one", 1)), "Add", null);
        String times = add(node("Mul", x, plus), "Mul", null);
        add(node("Mul", times, scalar("half", 0.5)), "Mul", out);
    }

    private void silu(String out) throws OnnxException {
        String x = g.name(op.operand(0));
        String s = add(node("Sigmoid", x), "Sigmoid", null);
        add(node("Mul", x, s), "Mul", out);
    }

    private static NodeProto.Builder node(String type, String... inputs) {
        NodeProto.Builder n = NodeProto.newBuilder().setOpType(type);
        for (String i : inputs) n.addInput(i);
        return n;
    }

    /** Finishes {@code n}, writing {@code out} (a fresh name when null), and {@return the name it writes} */
    private String add(NodeProto.Builder n, String type, String out) {
        String y = out != null ? out : g.fresh(base + "_" + type.toLowerCase(Locale.ROOT));
        nodes.add(n.setName(g.fresh(base + "/" + type)).addOutput(y).build());
        return y;
    }

    /** {@return the name of a new scalar initializer of the op's element type} */
    private String scalar(String what, double v) throws OnnxException {
        Type elem = ((ShapedType) op.result(0).type()).elementType();
        int dt = OnnxTypes.dataType(elem)
                .orElseThrow(() -> OnnxExporter.error(op, "element type " + elem + " has no ONNX equivalent"));
        ByteBuffer bytes;
        if (dt == TensorProto.DataType.FLOAT.getNumber())
            bytes = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putFloat(0, (float) v);
        else if (dt == TensorProto.DataType.DOUBLE.getNumber())
            bytes = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putDouble(0, v);
        else if (dt == TensorProto.DataType.FLOAT16.getNumber())
            bytes = ByteBuffer.allocate(2).order(ByteOrder.LITTLE_ENDIAN).putShort(0, Float.floatToFloat16((float) v));
        else throw OnnxExporter.error(op, "'" + op.name() + "' on " + elem + " has no ONNX form");
        String name = g.fresh(base + "_" + what);
        g.initializer(TensorProto.newBuilder()
                .setName(name)
                .setDataType(dt)
                .setRawData(ByteString.copyFrom(bytes.array()))
                .build());
        return name;
    }

    private static AttributeProto floatAttr(String name, float v) {
        return AttributeProto.newBuilder()
                .setName(name)
                .setType(AttributeProto.AttributeType.FLOAT)
                .setF(v)
                .build();
    }
}
