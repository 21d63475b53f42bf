package dev.dal.lowering.quantize;

import dev.dal.dialect.graph.ConstantOp;
import dev.dal.dialect.graph.NoneOp;
import dev.dal.dialect.quant.DcastOp;
import dev.dal.dialect.quant.QuantStorage;
import dev.dal.dialect.quant.UniformQuantizedPerAxisType;
import dev.dal.dialect.quant.UniformQuantizedType;
import dev.dal.ir.Block;
import dev.dal.ir.BlockArgument;
import dev.dal.ir.Builder;
import dev.dal.ir.FloatType;
import dev.dal.ir.IntegerType;
import dev.dal.ir.Location;
import dev.dal.ir.NoneType;
import dev.dal.ir.OpResult;
import dev.dal.ir.Operation;
import dev.dal.ir.OperationState;
import dev.dal.ir.QuantizedElementType;
import dev.dal.ir.ShapedType;
import dev.dal.ir.TensorType;
import dev.dal.ir.Type;
import dev.dal.ir.Value;
import dev.dal.ir.interp.DType;
import dev.dal.ir.interp.Tensor;
import dev.dal.lowering.quantize.calib.QuantMath;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The value plumbing of the {@code quantize} pass's rewrite of one function: the quantized form of a float value
 * (the input of a {@code quant.dcast} the rewrite made, else a {@code quant.qcast} made once per value and width, or
 * a quantized constant), quantized weight and bias constants ({@code graph.constant} of the storage type +
 * {@code quant.scast}), and replacing a float op by its quantized form followed by a {@code quant.dcast}. Float users
 * of a rewritten op read the {@code dcast}; quantized users look through it, so only the casts between quantized and
 * float ops remain when the unused ones are erased at the end.
 */
final class ValueQuantizer {
    /** Thrown when a value has no calibration statistics; the op that needed it stays float. */
    static final class NoStatistics extends RuntimeException {
        NoStatistics(String message) {
            super(message, null, false, false);
        }
    }

    private final Block block;
    private final Map<Value, Double> thresholds;
    private final Set<Value> unsigned;
    /** The original float value each {@code dcast} made by the rewrite stands for. */
    private final Map<Value, Value> origin = new IdentityHashMap<>();

    private final Map<Value, Map<Integer, Value>> qcasts = new IdentityHashMap<>();
    private final List<Operation> casts = new ArrayList<>();
    private Value none;

    ValueQuantizer(Block block, Map<Value, Double> thresholds, Set<Value> unsigned) {
        this.block = block;
        this.thresholds = thresholds;
        this.unsigned = unsigned;
    }

    /** {@return the symmetric activation type with {@code bits} (8 or 16) of clipping threshold {@code t}} */
    static UniformQuantizedType activationType(double t, int bits) {
        int qmax = (1 << (bits - 1)) - 1;
        IntegerType storage = bits == 8 ? IntegerType.I8 : IntegerType.I16;
        return new UniformQuantizedType(
                new QuantStorage(storage, -qmax, qmax, FloatType.F32), t > 0 ? t / qmax : 1.0, 0);
    }

    /**
     * {@return the quantized type with {@code bits} that calibration chose for float value {@code v} (unsigned 8-bit
     * for the values {@link ActivationSigns} chose)}
     */
    UniformQuantizedType activationType(Value v, int bits) {
        Value o = origin.getOrDefault(v, v);
        Double t = thresholds.get(o);
        if (t == null) throw new NoStatistics("no calibration statistics for " + o);
        if (bits == 8 && unsigned.contains(o)) return ActivationSigns.unsignedType(t);
        return activationType(t, bits);
    }

    /** {@return the quantized element type of a quantized value} */
    static QuantizedElementType qtype(Value v) {
        return (QuantizedElementType) ((ShapedType) v.type()).elementType();
    }

    /** {@return the per-tensor scale of a quantized activation} */
    static double scale(Value v) {
        return qtype(v).scale(0);
    }

    /** {@return whether {@code v} is the float view ({@code dcast}) of a value the rewrite already quantized} */
    boolean isQuantized(Value v) {
        return v instanceof OpResult r && r.owner() instanceof DcastOp && origin.containsKey(v);
    }

    /**
     * {@return {@code v} quantized: with storage of {@code bits} bits (0: whatever width it already has, else 8)}
     *
     * @throws NoStatistics if {@code v} must be cast and calibration did not observe it
     */
    Value quantized(Value v, int bits) {
        if (v instanceof OpResult r && r.owner() instanceof DcastOp d && origin.containsKey(v)) {
            Value q = d.input();
            if (bits == 0 || qtype(q).storageType().width() == bits) return q;
        }
        int width = bits == 0 ? 8 : bits;
        Map<Integer, Value> byWidth = qcasts.computeIfAbsent(v, k -> new HashMap<>());
        Value cached = byWidth.get(width);
        if (cached != null) return cached;
        Value q = Constants.of(v).map(c -> constant(v, c, width)).orElseGet(() -> qcast(v, width));
        byWidth.put(width, q);
        return q;
    }

    private Value qcast(Value v, int bits) {
        Builder b = after(v);
        TensorType t = (TensorType) v.type();
        Operation op = b.create(new OperationState("quant.qcast", Location.unknown())
                .addOperand(v)
                .addResultType(TensorType.of(t.shape(), activationType(v, bits))));
        casts.add(op);
        return op.result(0);
    }

    /** A float constant in an activation position, quantized per tensor at {@code max |c|}. */
    private Value constant(Value v, Tensor c, int bits) {
        double max = 0;
        for (float x : c.toF32().floats()) max = Math.max(max, Math.abs(x));
        UniformQuantizedType type = activationType(max, bits);
        return storedConstant(after(v), v.loc(), c, type, bits == 8 ? DType.I8 : DType.I16);
    }

    /** {@return weights quantized symmetric: per channel along {@code axis}, or per tensor with one scale} */
    Value weights(Operation at, Tensor w, int axis, double[] scales, boolean perAxis) {
        QuantizedElementType type = perAxis
                ? UniformQuantizedPerAxisType.symmetricI8(axis, boxed(scales))
                : UniformQuantizedType.symmetricI8(scales[0]);
        return storedConstant(Builder.before(at), at.loc(), w, type, DType.I8);
    }

    /** {@return an int32 bias at scale {@code s_in * s_w[c]} per channel (or per tensor with one weight scale)} */
    Value bias(Operation at, float[] bias, double inputScale, double[] weightScales) {
        int[] q = QuantMath.quantizeBias(bias, inputScale, weightScales);
        QuantStorage i32 = QuantStorage.full(IntegerType.I32, FloatType.F32);
        QuantizedElementType type;
        if (weightScales.length == 1) type = new UniformQuantizedType(i32, inputScale * weightScales[0], 0);
        else {
            List<Double> s = new ArrayList<>();
            List<Long> zp = new ArrayList<>();
            for (double sw : weightScales) {
                s.add(inputScale * sw);
                zp.add(0L);
            }
            type = new UniformQuantizedPerAxisType(i32, 0, s, zp);
        }
        Tensor t = Tensor.of(q, q.length);
        return scast(Builder.before(at), at.loc(), t, type);
    }

    private Value storedConstant(Builder b, Location loc, Tensor real, QuantizedElementType type, DType storage) {
        float[] x = real.toF32().floats();
        Tensor s = Tensor.zeros(storage, real.shape());
        int[] shape = real.shape();
        for (int i = 0; i < x.length; i++) {
            int c = channel(type, shape, i);
            double q = QuantMath.roundHalfAway(x[i] / type.scale(c));
            s.setLong(i, (long) Math.max(type.storageMin(), Math.min(type.storageMax(), q)));
        }
        return scast(b, loc, s, type);
    }

    private static int channel(QuantizedElementType type, int[] shape, int i) {
        if (type.axis().isEmpty()) return 0;
        int axis = type.axis().getAsInt(), inner = 1;
        for (int d = axis + 1; d < shape.length; d++) inner *= shape[d];
        return (i / inner) % shape[axis];
    }

    private Value scast(Builder b, Location loc, Tensor storage, QuantizedElementType type) {
        ConstantOp c = ConstantOp.create(b, loc, storage.toAttribute().shapedType(), storage.toAttribute());
        List<Long> shape = ((TensorType) c.output().type()).shape();
        return b.create(new OperationState("quant.scast", loc)
                        .addOperand(c.output())
                        .addResultType(TensorType.of(shape, type)))
                .result(0);
    }

    /** {@return a {@code graph.none} value for absent operands} */
    Value none() {
        if (none == null)
            for (Operation op : block.opList())
                if (op instanceof NoneOp n) {
                    none = n.output();
                    return none;
                }
        if (none == null) {
            Builder b = Builder.detached();
            b.setInsertionPointToStart(block);
            none = NoneOp.create(b, Location.unknown(), NoneType.INSTANCE).output();
        }
        return none;
    }

    /**
     * {@return the new op, inserted before {@code original}, whose result 0 replaces the original's result 0 through a
     * {@code quant.dcast} (the original op is erased)}
     */
    Operation replace(Operation original, OperationState quantizedForm) {
        Builder b = Builder.before(original);
        Operation q = b.create(quantizedForm);
        Value old = original.result(0);
        Operation d = b.create(new OperationState("quant.dcast", Location.unknown())
                .addOperand(q.result(0))
                .addResultType(old.type()));
        casts.add(d);
        origin.put(d.result(0), origin.getOrDefault(old, old));
        old.replaceAllUsesWith(d.result(0));
        original.erase();
        return q;
    }

    /** {@return the type of a result that keeps its quantized input's element type} */
    static Type sameElementType(Value result, Value quantizedInput) {
        return TensorType.of(((TensorType) result.type()).shape(), qtype(quantizedInput));
    }

    /** Erases the casts (and what only they used) that no op reads. */
    void eraseUnusedCasts() {
        for (int i = casts.size() - 1; i >= 0; i--) {
            Operation c = casts.get(i);
            if (c.resultsUnused()) c.erase();
        }
        if (none != null && ((OpResult) none).uses().isEmpty())
            ((OpResult) none).owner().erase();
    }

    private Builder after(Value v) {
        Builder b = Builder.detached();
        if (v instanceof OpResult r) b.setInsertionPointAfter(r.owner());
        else b.setInsertionPointToStart(((BlockArgument) v).owner());
        return b;
    }

    private static List<Double> boxed(double[] a) {
        List<Double> out = new ArrayList<>();
        for (double d : a) out.add(d);
        return out;
    }
}
