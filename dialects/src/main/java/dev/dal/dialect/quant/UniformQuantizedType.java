package dev.dal.dialect.quant;

import dev.dal.ir.FloatType;
import dev.dal.ir.IntegerType;
import java.util.OptionalInt;

/**
 * A per-tensor uniformly quantized type, MLIR's {@code !quant.uniform<i8:f32, 0.0235:3>} (the zero point may be
 * omitted when 0, and is then not printed). Invalid parameters cannot be constructed: the scale is positive and
 * finite and the zero point lies in the storage range.
 *
 * @param storage   storage type, range and expressed type
 * @param scale     the real step of one storage unit
 * @param zeroPoint the stored value of real 0
 */
public record UniformQuantizedType(QuantStorage storage, double scale, long zeroPoint) implements StoredQuantizedType {
    /** @throws IllegalArgumentException for a non-positive or non-finite scale or a zero point out of range */
    public UniformQuantizedType {
        QuantStorage.checkScale(scale);
        storage.checkZeroPoint(zeroPoint);
    }

    /** {@return {@code !quant.uniform<i8<-127:127>:f32, scale>}: DESIGN §7's symmetric int8 activation type} */
    public static UniformQuantizedType symmetricI8(double scale) {
        return new UniformQuantizedType(new QuantStorage(IntegerType.I8, -127, 127, FloatType.F32), scale, 0);
    }

    @Override
    public String dialect() {
        return "quant";
    }

    @Override
    public String body() {
        return "uniform<" + storage.text() + ":" + storage.expressedType() + ", " + QuantStorage.scaleText(scale)
                + (zeroPoint != 0 ? ":" + zeroPoint : "") + ">";
    }

    @Override
    public OptionalInt axis() {
        return OptionalInt.empty();
    }

    @Override
    public int channels() {
        return 1;
    }

    @Override
    public double scale(int channel) {
        return scale;
    }

    @Override
    public long zeroPoint(int channel) {
        return zeroPoint;
    }

    @Override
    public String toString() {
        return "!quant." + body();
    }
}
