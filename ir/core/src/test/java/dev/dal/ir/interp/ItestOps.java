package dev.dal.ir.interp;

import dev.dal.ir.FloatAttr;
import dev.dal.ir.Operation;
import dev.dal.ir.OperationState;
import dev.dal.ir.trait.Terminator;
import java.util.List;

/**
 * Hand-written ops of the test-only {@code itest} dialect, each executing with a naive kernel written here (ir/core
 * cannot use the kernel library of the dialects module).
 */
final class ItestOps {
    private ItestOps() {}

    /** Elementwise sum of two f32 tensors of one shape (or a scalar second operand). */
    static final class AddOp extends Operation implements Executable {
        AddOp(OperationState s) {
            super(s);
        }

        @Override
        public List<Tensor> execute(List<Tensor> in, ExecContext ctx) {
            float[] a = in.get(0).floats(), b = in.get(1).floats();
            if (b.length != a.length && b.length != 1) throw ctx.error("operand shapes differ");
            float[] out = new float[a.length];
            for (int i = 0; i < a.length; i++) out[i] = a[i] + b[b.length == 1 ? 0 : i];
            return List.of(Tensor.of(out, in.get(0).shape()));
        }
    }

    /** 2-D matrix product, naive loops. */
    static final class MatMulOp extends Operation implements Executable {
        MatMulOp(OperationState s) {
            super(s);
        }

        @Override
        public List<Tensor> execute(List<Tensor> in, ExecContext ctx) {
            Tensor x = in.get(0), y = in.get(1);
            int m = x.dim(0), k = x.dim(1), n = y.dim(1);
            if (y.dim(0) != k) throw ctx.error("inner dimensions differ: " + k + " and " + y.dim(0));
            float[] a = x.floats(), b = y.floats(), c = new float[m * n];
            for (int i = 0; i < m; i++)
                for (int j = 0; j < n; j++) {
                    float s = 0;
                    for (int p = 0; p < k; p++) s += a[i * k + p] * b[p * n + j];
                    c[i * n + j] = s;
                }
            return List.of(Tensor.of(c, m, n));
        }
    }

    /** Multiplies by the {@code factor} attribute (read from the op itself). */
    static final class ScaleOp extends Operation implements Executable {
        ScaleOp(OperationState s) {
            super(s);
        }

        @Override
        public List<Tensor> execute(List<Tensor> in, ExecContext ctx) {
            float f = (float) ((FloatAttr) attribute("factor").orElseThrow()).value();
            float[] a = in.get(0).floats(), out = new float[a.length];
            for (int i = 0; i < a.length; i++) out[i] = a[i] * f;
            return List.of(Tensor.of(out, in.get(0).shape()));
        }
    }

    /** Returns its operand's shape as an i64 vector (for dynamic-shape tests). */
    static final class ShapeOp extends Operation implements Executable {
        ShapeOp(OperationState s) {
            super(s);
        }

        @Override
        public List<Tensor> execute(List<Tensor> in, ExecContext ctx) {
            int[] s = in.get(0).shape();
            long[] out = new long[s.length];
            for (int i = 0; i < s.length; i++) out[i] = s[i];
            return List.of(Tensor.of(out, s.length));
        }
    }

    /** If: runs region 0 when the bool scalar operand is true, else region 1; the results are the region's yield. */
    static final class IfOp extends Operation implements Executable {
        IfOp(OperationState s) {
            super(s);
        }

        @Override
        public List<Tensor> execute(List<Tensor> in, ExecContext ctx) {
            boolean c = in.get(0).bools()[0];
            return ctx.runRegion(region(c ? 0 : 1), List.of());
        }
    }

    /** Repeats its body {@code n} times (first operand, i64 scalar) over the carried value (second operand). */
    static final class RepeatOp extends Operation implements Executable {
        RepeatOp(OperationState s) {
            super(s);
        }

        @Override
        public List<Tensor> execute(List<Tensor> in, ExecContext ctx) {
            long n = in.get(0).longs()[0];
            List<Tensor> carried = List.of(in.get(1));
            for (long i = 0; i < n; i++) carried = ctx.runRegion(region(0), carried);
            return carried;
        }
    }

    /** Returns the run's parallelism as an i64 scalar, after using the pool for it. */
    static final class ThreadsOp extends Operation implements Executable {
        ThreadsOp(OperationState s) {
            super(s);
        }

        @Override
        public List<Tensor> execute(List<Tensor> in, ExecContext ctx) {
            long n = ctx.pool().submit(ctx::parallelism).join();
            return List.of(Tensor.of(new long[] {n}));
        }
    }

    /** Packs its tensor operands into a sequence, wrapped in an optional when it has the {@code opt} attribute. */
    static final class PackOp extends Operation implements ValueExecutable {
        PackOp(OperationState s) {
            super(s);
        }

        @Override
        public List<RuntimeValue> executeValues(List<RuntimeValue> in, ExecContext ctx) {
            List<Tensor> ts = in.stream().map(v -> (Tensor) v).toList();
            RuntimeValue seq = new TensorSequence(ts);
            return List.of(attribute("opt").isPresent() ? OptionalValue.of(seq) : seq);
        }
    }

    /** The terminator of itest regions. */
    static final class YieldOp extends Operation implements Terminator {
        YieldOp(OperationState s) {
            super(s);
        }
    }

    /** An op with no kernel. */
    static final class OpaqueOp extends Operation {
        OpaqueOp(OperationState s) {
            super(s);
        }
    }

    /** An op whose kernel fails with an unchecked exception. */
    static final class BrokenOp extends Operation implements Executable {
        BrokenOp(OperationState s) {
            super(s);
        }

        @Override
        public List<Tensor> execute(List<Tensor> in, ExecContext ctx) {
            throw new IllegalArgumentException("kernel exploded");
        }
    }
}
