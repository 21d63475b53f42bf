package dev.dal.onnx;

import dev.dal.ir.Block;
import dev.dal.ir.DenseElementsAttr;
import dev.dal.ir.Location;
import dev.dal.ir.OpResult;
import dev.dal.ir.Operation;
import dev.dal.ir.OperationState;
import dev.dal.ir.ShapedType;
import dev.dal.ir.TensorType;
import dev.dal.ir.Value;
import dev.dal.onnx.builder.ModelBuilder;
import dev.dal.onnx.proto.Onnx.AttributeProto;
import dev.dal.onnx.proto.Onnx.TensorProto;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Rewrites one node of a default-domain opset 1 to 6 model into its opset 7 form, which the importer's
 * {@code Normaliser} then brings to the newest form. Opset 7 is where ONNX replaced the "limited broadcast" of the
 * binary operators ({@code broadcast}/{@code axis} attributes) by numpy broadcasting and dropped {@code is_test};
 * opsets 2 to 6 renamed or moved a few attributes ({@code Pad} {@code paddings}, {@code Reshape} {@code shape},
 * {@code Cast} {@code to}, {@code Tile}'s inputs) and removed {@code consumed_inputs}. The rules follow ONNX's
 * operator changelog (and its version converter's 6 to 7 adapters); see {@link #RULES}.
 */
final class LegacyForms {
    /** The first opset this class leaves alone: its forms are the ones the {@code Normaliser} starts from. */
    static final int OPSET = 7;

    /** The rewrites, one line each (documentation and test reference). */
    static final List<String> RULES = List.of(
            "all ops < 6: consumed_inputs (a legacy optimisation hint) is dropped",
            "Add/Sub/Mul/Div/Pow/And/Or/Xor/Equal/Less/Greater < 7: broadcast=1 with axis aligns B to A at axis"
                    + " (B is unsqueezed at its end); broadcast=0 needs operands of one shape",
            "Gemm < 7: broadcast is dropped (C broadcasts unidirectionally)",
            "PRelu < 7: a 1-D slope of the input's channel count is per channel (unsqueezed to C x 1 x ... x 1)",
            "Reshape < 5: attribute shape becomes an i64 constant operand",
            "Concat < 4: a missing axis is 1",
            "Pad < 2: attribute paddings is pads",
            "Cast < 6: the type name in to becomes the TensorProto data type number",
            "Tile < 6: constant (tiles, axis) inputs become the repeats operand",
            "Selu < 6: missing alpha/gamma get that version's defaults 1.6732/1.0507",
            "Upsample 1: height_scale/width_scale become scales [1, 1, h, w]; bilinear is linear");

    private static final Set<String> LIMITED_BROADCAST =
            Set.of("Add", "Sub", "Mul", "Div", "Pow", "And", "Or", "Xor", "Equal", "Less", "Greater");

    private final long opset;
    private final Block block;
    private final String nodeName;
    private final String where;
    private final Function<String, OnnxException> error;

    /**
     * @param opset the model's default-domain opset (below {@link #OPSET})
     * @param block where the ops the rewrites need are appended (before the node's own op)
     * @param nodeName the node's name, which the new ops' locations extend
     * @param where the node as error messages name it
     * @param error makes an import error (with the file name) from a message
     */
    LegacyForms(long opset, Block block, String nodeName, String where, Function<String, OnnxException> error) {
        this.opset = opset;
        this.block = block;
        this.nodeName = nodeName;
        this.where = where;
        this.error = error;
    }

    /** Rewrites the node's inputs and attributes in place into the opset 7 form of {@code op}. */
    void apply(String op, List<Value> ins, Map<String, AttributeProto> attrs) throws OnnxException {
        attrs.remove("consumed_inputs");
        if (LIMITED_BROADCAST.contains(op)) {
            limitedBroadcast(ins, attrs);
            return;
        }
        switch (op) {
            case "Gemm" -> attrs.remove("broadcast");
            case "PRelu" -> perChannelSlope(ins);
            case "Reshape" -> {
                if (opset < 5) {
                    AttributeProto shape = attrs.remove("shape");
                    if (shape == null) throw error.apply(where + ": Reshape-1 has no shape attribute");
                    set(ins, 1, constant(OnnxImporter.i64Tensor(longs(shape)), "shape"));
                }
            }
            case "Concat" -> {
                if (opset < 4 && !attrs.containsKey("axis")) attrs.put("axis", ModelBuilder.attr("axis", 1L));
            }
            case "Pad" -> {
                AttributeProto paddings = attrs.remove("paddings");
                if (paddings != null)
                    attrs.put("pads", paddings.toBuilder().setName("pads").build());
            }
            case "Cast" -> castTypeName(attrs);
            case "Tile" -> {
                if (opset < 6) tileAlongAxis(ins);
            }
            case "Selu" -> {
                if (opset < 6) {
                    attrs.putIfAbsent("alpha", ModelBuilder.attr("alpha", 1.6732f));
                    attrs.putIfAbsent("gamma", ModelBuilder.attr("gamma", 1.0507f));
                }
            }
            case "Upsample" -> upsampleScales(attrs);
            default -> {}
        }
    }

    // ---- rewrites ----------------------------------------------------------------------------------------------

    /**
     * Before opset 7, {@code B} broadcasts to {@code A} only with {@code broadcast = 1}: its shape must be a
     * contiguous run of {@code A}'s, starting at {@code axis} (or ending with {@code A}'s last dimension when there is
     * no axis), or {@code B} has one element. Numpy broadcasting gives the same result once {@code B} has trailing
     * 1-dimensions up to {@code A}'s rank, so that is the rewrite.
     */
    private void limitedBroadcast(List<Value> ins, Map<String, AttributeProto> attrs) throws OnnxException {
        AttributeProto bc = attrs.remove("broadcast");
        AttributeProto axisAttr = attrs.remove("axis");
        if (ins.size() < 2 || ins.get(0) == null || ins.get(1) == null) return;
        Value a = ins.get(0), b = ins.get(1);
        Optional<List<Long>> sa = shape(a), sb = shape(b);
        if (bc == null || bc.getI() == 0) {
            if (sa.isPresent() && sb.isPresent() && !sameShape(sa.get(), sb.get()))
                throw error.apply(where + ": without broadcast = 1 the operands must have one shape, got "
                        + OnnxTypes.text(a.type()) + " and " + OnnxTypes.text(b.type()));
            return;
        }
        if (sa.isEmpty() || sb.isEmpty()) {
            if (axisAttr == null) return; // suffix matching is numpy's rule
            throw error.apply(where + ": broadcast with axis = " + axisAttr.getI()
                    + " needs operands of known rank, got " + OnnxTypes.text(a.type()) + " and "
                    + OnnxTypes.text(b.type()));
        }
        List<Long> da = sa.get(), db = sb.get();
        int ra = da.size(), rb = db.size();
        long axis = axisAttr == null ? ra - rb : axisAttr.getI();
        if (axis < 0) axis += ra;
        if (rb <= ra && isOneElement(db)) return; // a one-element B broadcasts wherever it is aligned
        if (rb > ra || axis < 0 || axis + rb > ra)
            throw error.apply(where + ": B " + OnnxTypes.text(b.type()) + " does not fit into A "
                    + OnnxTypes.text(a.type()) + " at axis " + (axisAttr == null ? axis : axisAttr.getI()));
        for (int i = 0; i < rb; i++) {
            long x = da.get((int) axis + i), y = db.get(i);
            if (x != ShapedType.DYNAMIC && y != ShapedType.DYNAMIC && y != 1 && x != y)
                throw error.apply(where + ": B " + OnnxTypes.text(b.type()) + " does not match A "
                        + OnnxTypes.text(a.type()) + " at axis " + axis + ": dimension " + i + " is " + y
                        + ", expected " + x);
        }
        int trailing = (int) (ra - axis - rb);
        if (trailing > 0) ins.set(1, unsqueezeTrailing(b, db, trailing, "broadcast"));
    }

    /**
     * PRelu before opset 7 (as Caffe2, which it came from) applies a 1-D slope of the input's channel count per
     * channel (axis 1); numpy broadcasting would align it with the last axis instead.
     */
    private void perChannelSlope(List<Value> ins) {
        if (ins.size() < 2 || ins.get(0) == null || ins.get(1) == null) return;
        Optional<List<Long>> sx = shape(ins.get(0)), ss = shape(ins.get(1));
        if (sx.isEmpty() || ss.isEmpty()) return;
        List<Long> dx = sx.get(), ds = ss.get();
        if (dx.size() < 3 || ds.size() != 1 || ds.get(0) == 1 || !ds.get(0).equals(dx.get(1))) return;
        ins.set(1, unsqueezeTrailing(ins.get(1), ds, dx.size() - 2, "slope"));
    }

    /** Cast-1's {@code to} is the data type's name ({@code "FLOAT"}); since Cast-6 it is its number. */
    private void castTypeName(Map<String, AttributeProto> attrs) throws OnnxException {
        AttributeProto to = attrs.get("to");
        if (to == null || !to.hasS()) return;
        String name = to.getS().toStringUtf8();
        TensorProto.DataType t;
        try {
            t = TensorProto.DataType.valueOf(name.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw error.apply(where + ": Cast to '" + name + "', which is no ONNX data type");
        }
        attrs.put("to", ModelBuilder.attr("to", (long) t.getNumber()));
    }

    /** Tile-1 repeats its input {@code tiles} times along {@code axis}, both inputs; Tile-6 takes all repeats. */
    private void tileAlongAxis(List<Value> ins) throws OnnxException {
        Optional<Long> tiles = ins.size() > 1 ? constLong(ins.get(1)) : Optional.empty();
        Optional<Long> axis = ins.size() > 2 ? constLong(ins.get(2)) : Optional.empty();
        Optional<List<Long>> shape = shape(ins.get(0));
        if (tiles.isEmpty() || axis.isEmpty() || shape.isEmpty())
            throw error.apply(where + ": Tile-1 is supported with constant tiles and axis on an input of known rank");
        int rank = shape.get().size();
        long ax = axis.get() < 0 ? axis.get() + rank : axis.get();
        if (ax < 0 || ax >= rank)
            throw error.apply(where + ": Tile axis " + axis.get() + " is out of range for rank " + rank);
        long[] repeats = new long[rank];
        java.util.Arrays.fill(repeats, 1);
        repeats[(int) ax] = tiles.get();
        Value input = ins.get(0);
        ins.clear();
        ins.add(input);
        ins.add(constant(OnnxImporter.i64Tensor(repeats), "repeats"));
    }

    /** The experimental Upsample of opset 1 scales the last two axes of a 4-D input. */
    private void upsampleScales(Map<String, AttributeProto> attrs) throws OnnxException {
        AttributeProto h = attrs.remove("height_scale"), w = attrs.remove("width_scale");
        if (h == null && w == null) return;
        if (h == null || w == null) throw error.apply(where + ": Upsample-1 needs both height_scale and width_scale");
        attrs.put(
                "scales",
                AttributeProto.newBuilder()
                        .setName("scales")
                        .setType(AttributeProto.AttributeType.FLOATS)
                        .addAllFloats(List.of(1f, 1f, h.getF(), w.getF()))
                        .build());
        AttributeProto mode = attrs.get("mode");
        if (mode != null && mode.getS().toStringUtf8().equals("bilinear"))
            attrs.put(
                    "mode",
                    mode.toBuilder()
                            .setS(com.google.protobuf.ByteString.copyFromUtf8("linear"))
                            .build());
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    /** {@code v} with {@code count} 1-dimensions appended (a {@code graph.unsqueeze} with constant axes). */
    private Value unsqueezeTrailing(Value v, List<Long> dims, int count, String what) {
        long[] axes = new long[count];
        for (int i = 0; i < count; i++) axes[i] = dims.size() + i;
        Value axesValue = constant(OnnxImporter.i64Tensor(axes), what + "_axes");
        List<Long> out = new ArrayList<>(dims);
        for (int i = 0; i < count; i++) out.add(1L);
        Operation u = Operation.create(new OperationState("graph.unsqueeze", Location.name(nodeName + "/" + what))
                .addOperand(v)
                .addOperand(axesValue)
                .addResultType(TensorType.of(out, ((ShapedType) v.type()).elementType())));
        block.append(u);
        return u.result(0);
    }

    private Value constant(dev.dal.ir.Attribute value, String what) {
        Operation c = OnnxImporter.constant(value, Location.name(nodeName + "/" + what));
        block.append(c);
        return c.result(0);
    }

    private static Optional<List<Long>> shape(Value v) {
        return v.type() instanceof ShapedType s && s.hasRank() ? Optional.of(s.shape()) : Optional.empty();
    }

    private static boolean sameShape(List<Long> a, List<Long> b) {
        if (a.size() != b.size()) return false;
        for (int i = 0; i < a.size(); i++) {
            long x = a.get(i), y = b.get(i);
            if (x != ShapedType.DYNAMIC && y != ShapedType.DYNAMIC && x != y) return false;
        }
        return true;
    }

    private static boolean isOneElement(List<Long> dims) {
        for (long d : dims) if (d != 1) return false;
        return true;
    }

    private static Optional<Long> constLong(Value v) {
        if (v instanceof OpResult r
                && r.owner().name().equals("graph.constant")
                && r.owner().attribute("value").orElse(null) instanceof DenseElementsAttr d
                && d.size() == 1) return Optional.of(d.getLong(0));
        return Optional.empty();
    }

    private static long[] longs(AttributeProto a) {
        return a.getIntsList().stream().mapToLong(Long::longValue).toArray();
    }

    private static void set(List<Value> ins, int i, Value v) {
        while (ins.size() <= i) ins.add(null);
        ins.set(i, v);
    }
}
