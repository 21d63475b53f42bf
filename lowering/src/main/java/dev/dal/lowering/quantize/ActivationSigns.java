package dev.dal.lowering.quantize;

import dev.dal.dialect.quant.QuantStorage;
import dev.dal.dialect.quant.UniformQuantizedType;
import dev.dal.ir.FloatType;
import dev.dal.ir.IntegerType;
import dev.dal.lowering.quantize.calib.QuantMath;
import dev.dal.lowering.quantize.calib.TensorStats;

/**
 * Unsigned 8-bit activations (accuracy level 1): a value that calibration never saw negative (the output of a relu,
 * relu6, {@code clip(0, ..)}, sigmoid, ...) is stored as {@code !quant.uniform<u8:f32, T/255>} with zero point 0
 * instead of {@code [-127, 127]} at {@code T/127}: the same range with twice the resolution, where the signed form
 * would leave its negative half unused. The {@code qnn} kernels subtract each operand's zero point and requantize by
 * scale ratios, so u8 and i8 operands mix freely (a residual add, a concat); the clamps of relu and relu6 fall on the
 * storage range.
 */
final class ActivationSigns {
    private static final IntegerType U8 = new IntegerType(8, IntegerType.Signedness.UNSIGNED);

    private ActivationSigns() {}

    /** {@return whether calibration saw values and none of them negative} */
    static boolean nonNegative(TensorStats s) {
        return s.count() > 0 && s.min() >= 0;
    }

    /** {@return the unsigned 8-bit type of clipping threshold {@code t}: {@code [0, 255]}, scale {@code t / 255}} */
    static UniformQuantizedType unsignedType(double t) {
        return new UniformQuantizedType(new QuantStorage(U8, 0, QuantMath.UMAX, FloatType.F32), scale(t, true), 0);
    }

    /** {@return the 8-bit scale of threshold {@code t}: {@code t / 255} unsigned, {@code t / 127} signed} */
    static double scale(double t, boolean unsigned) {
        return t > 0 ? t / (unsigned ? QuantMath.UMAX : QuantMath.QMAX) : 1.0;
    }

    /** {@return the threshold an 8-bit scale stands for (the inverse of {@link #scale})} */
    static double threshold(double scale, boolean unsigned) {
        return scale * (unsigned ? QuantMath.UMAX : QuantMath.QMAX);
    }
}
