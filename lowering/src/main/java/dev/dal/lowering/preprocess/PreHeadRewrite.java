package dev.dal.lowering.preprocess;

import dev.dal.dialect.graph.AddOp;
import dev.dal.dialect.graph.CastOp;
import dev.dal.dialect.graph.ConstantOp;
import dev.dal.dialect.graph.ConvOp;
import dev.dal.dialect.graph.GatherOp;
import dev.dal.dialect.graph.MulOp;
import dev.dal.dialect.graph.TransposeOp;
import dev.dal.ir.BlockArgument;
import dev.dal.ir.DenseArrayAttr;
import dev.dal.ir.FloatType;
import dev.dal.ir.FunctionType;
import dev.dal.ir.IntegerAttr;
import dev.dal.ir.IntegerType;
import dev.dal.ir.Location;
import dev.dal.ir.OpOperand;
import dev.dal.ir.TensorType;
import dev.dal.ir.Type;
import dev.dal.ir.TypeAttr;
import dev.dal.ir.Value;
import dev.dal.ir.builtin.FuncOp;
import dev.dal.ir.interp.Tensor;
import dev.dal.ir.rewrite.Rewriter;
import dev.dal.lowering.preprocess.PreprocessPass.Layout;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Rewrites one function input to its raw form and inserts the pre-head after it: {@code graph.cast} to f32 (u8
 * input), {@code graph.transpose} to NCHW (NHWC input), then the channel map, scale and shift, either as
 * {@code graph.gather}, {@code graph.mul} and {@code graph.add} or folded into the one {@code graph.conv} that uses
 * the normalised value.
 */
final class PreHeadRewrite {
    /** The ONNX type code of FLOAT, the {@code to} of the cast. */
    private static final long ONNX_FLOAT = 1;

    private final FuncOp func;
    private final BlockArgument arg;
    private final PreHead head;
    private final Layout layout;
    private final boolean u8;
    private final boolean fold;
    private final Rewriter rw = new Rewriter();
    private final Location loc;
    private int inserted;

    /** How many ops the rewrite inserted, and how many it folded into a conv instead of inserting. */
    record Counts(int inserted, int folded) {}

    PreHeadRewrite(FuncOp func, BlockArgument arg, PreHead head, Layout layout, boolean u8, boolean fold) {
        this.func = func;
        this.arg = arg;
        this.head = head;
        this.layout = layout;
        this.u8 = u8;
        this.fold = fold;
        this.loc = Location.name("preprocess." + PreprocessPass.inputName(func, arg.index()));
    }

    /** Applies the rewrite. */
    Counts apply() {
        TensorType model = (TensorType) arg.type();
        List<OpOperand> users = List.copyOf(arg.uses());
        List<Long> s = model.shape();
        long n = s.get(0), h = s.get(2), w = s.get(3), r = head.rawChannels();
        Type elem = u8 ? new IntegerType(8, IntegerType.Signedness.UNSIGNED) : FloatType.F32;
        TensorType raw = layout == Layout.NHWC ? TensorType.of(elem, n, h, w, r) : TensorType.of(elem, n, r, h, w);
        setInputType(raw);

        rw.setInsertionPointToStart(arg.owner());
        Value v = arg;
        if (u8)
            v = count(CastOp.create(rw, loc, withF32(raw), v, IntegerAttr.i64(ONNX_FLOAT))
                    .output());
        if (layout == Layout.NHWC)
            v = count(TransposeOp.create(
                            rw, loc, TensorType.of(FloatType.F32, n, r, h, w), v, Optional.of(perm(0, 3, 1, 2)))
                    .transposed());
        int unfolded = (head.identitySource() ? 0 : 1) + (head.unitScale() ? 0 : 1) + (head.zeroMean() ? 0 : 1);
        Optional<ConvFold> f =
                unfolded == 0 ? Optional.empty() : foldTarget(users).flatMap(conv -> ConvFold.of(conv, head));
        if (f.isPresent()) {
            int headStart = inserted;
            feedConv(f.get(), v);
            return new Counts(inserted, unfolded - (inserted - headStart));
        }
        Value out = normalise(v);
        for (OpOperand u : users) rw.setOperand(u.owner(), u.index(), out);
        return new Counts(inserted, 0);
    }

    /** {@return the channel map, scale and shift applied to {@code v}, as ops} */
    private Value normalise(Value v) {
        if (!head.identitySource()) v = gather(v, head.source());
        if (!head.unitScale())
            v = count(
                    MulOp.create(rw, loc, v.type(), v, perChannel(head.scale())).output());
        if (!head.zeroMean()) {
            double[] shift = new double[head.channels()];
            for (int c = 0; c < shift.length; c++) shift[c] = head.shift(c);
            v = count(AddOp.create(rw, loc, v.type(), v, perChannel(shift)).output());
        }
        return v;
    }

    /** Feeds the conv from {@code v}, through a gather or a mean subtraction first if the fold needs one. */
    private void feedConv(ConvFold f, Value v) {
        if (f.gather()) v = gather(v, head.source());
        if (f.subtractMean().isPresent())
            v = count(AddOp.create(
                            rw, loc, v.type(), v, perChannel(f.subtractMean().get()))
                    .output());
        f.rewrite(rw, v, loc);
    }

    private Value gather(Value v, int[] source) {
        TensorType t = (TensorType) v.type();
        long[] idx = new long[source.length];
        for (int c = 0; c < idx.length; c++) idx[c] = source[c];
        Value indices = constant(Tensor.of(idx, idx.length));
        TensorType out = TensorType.of(
                FloatType.F32,
                t.shape().get(0),
                source.length,
                t.shape().get(2),
                t.shape().get(3));
        return count(GatherOp.create(rw, loc, out, v, indices, Optional.of(IntegerAttr.i64(1)))
                .output());
    }

    /** {@return a {@code 1xCx1x1} f32 constant} */
    private Value perChannel(double[] values) {
        float[] f = new float[values.length];
        for (int c = 0; c < f.length; c++) f[c] = (float) values[c];
        return constant(Tensor.of(f, 1, f.length, 1, 1));
    }

    private Value constant(Tensor t) {
        return ConstantOp.create(rw, loc, t.irType(), t.toAttribute()).output();
    }

    private Value count(Value v) {
        inserted++;
        return v;
    }

    private Optional<ConvOp> foldTarget(List<OpOperand> users) {
        if (!fold || users.size() != 1) return Optional.empty();
        OpOperand u = users.getFirst();
        return u.owner() instanceof ConvOp conv && u.index() == 0 ? Optional.of(conv) : Optional.empty();
    }

    private void setInputType(TensorType raw) {
        arg.setType(raw);
        FunctionType ft = func.signature();
        List<Type> inputs = new ArrayList<>(ft.inputs());
        inputs.set(arg.index(), raw);
        func.setFunctionType(rw, new TypeAttr(new FunctionType(inputs, ft.results())));
    }

    private static TensorType withF32(TensorType t) {
        return TensorType.of(t.shape(), FloatType.F32);
    }

    private static DenseArrayAttr perm(long... p) {
        return DenseArrayAttr.i64(p);
    }
}
