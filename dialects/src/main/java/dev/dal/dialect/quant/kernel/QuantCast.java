package dev.dal.dialect.quant.kernel;

import dev.dal.dialect.graph.kernel.Parallel;
import dev.dal.ir.QuantizedElementType;
import dev.dal.ir.interp.DType;
import dev.dal.ir.interp.Tensor;
import java.util.concurrent.ForkJoinPool;

/**
 * Conversions between real and quantized values: {@code quant.qcast}, {@code quant.dcast} and
 * {@code qnn.requantize}.
 */
public final class QuantCast {
    private QuantCast() {}

    /**
     * {@return {@code saturate(zp + round_half_away(x / scale))}}: the stored value of a real {@code x}; NaN gives the
     * zero point
     */
    public static long quantize(double x, double scale, long zeroPoint, long min, long max) {
        if (Double.isNaN(x)) return Rounding.saturate(zeroPoint, min, max);
        double q = Rounding.roundHalfAway(x / scale) + zeroPoint;
        return q <= min ? min : q >= max ? max : (long) q;
    }

    /** {@return the stored tensor of a float tensor: {@code quant.qcast}} */
    public static Tensor qcast(Tensor x, QuantizedElementType type) {
        return qcast(x, type, ForkJoinPool.commonPool());
    }

    /** {@return the stored tensor of a float tensor: {@code quant.qcast}}, spread over {@code pool} when large */
    public static Tensor qcast(Tensor x, QuantizedElementType type, ForkJoinPool pool) {
        long[] out = new long[x.size()];
        int[] shape = x.shape();
        if (type.axis().isEmpty() && x.array() instanceof float[] f) {
            // per tensor from f32, the common case: the parameters once, the floats read in place
            double s = type.scale(0);
            long zp = type.zeroPoint(0), lo = type.storageMin(), hi = type.storageMax();
            Parallel.forRange(pool, out.length, 16_384, (from, to) -> {
                for (int i = from; i < to; i++) out[i] = quantize(f[i], s, zp, lo, hi);
            });
            return QTensors.store(type, shape, out);
        }
        for (int i = 0; i < out.length; i++) {
            int c = QTensors.channel(type, shape, i);
            out[i] = quantize(x.getDouble(i), type.scale(c), type.zeroPoint(c), type.storageMin(), type.storageMax());
        }
        return QTensors.store(type, shape, out);
    }

    /** {@return the real values of a stored tensor, {@code (q - zp) * scale}, as {@code out}: {@code quant.dcast}} */
    public static Tensor dcast(Tensor q, QuantizedElementType type, DType out) {
        Tensor r = Tensor.zeros(out, q.shape());
        int[] shape = q.shape();
        for (int i = 0; i < q.size(); i++)
            r.setDouble(i, type.dequantize(q.getLong(i), QTensors.channel(type, shape, i)));
        return r;
    }

    /**
     * {@return the stored tensor of type {@code to} of a stored tensor of type {@code from}:
     * {@code saturate(zp_to + rescale_c(q - zp_from))}, with one rescale per channel (or one in all)}
     */
    public static Tensor requantize(
            Tensor q, QuantizedElementType from, QuantizedElementType to, FixedPoint[] rescale) {
        int[] shape = q.shape();
        int[] x = QTensors.centered(q, from);
        long[] out = new long[x.length];
        for (int i = 0; i < out.length; i++) {
            int c = QTensors.channel(from.axis().isPresent() ? from : to, shape, i);
            FixedPoint m = rescale[rescale.length == 1 ? 0 : c];
            out[i] = Rounding.saturate(to.zeroPoint(c) + m.rescale(x[i]), to.storageMin(), to.storageMax());
        }
        return QTensors.store(to, shape, out);
    }
}
