package dev.dal.dialect.quant;

import dev.dal.ir.FloatType;
import dev.dal.ir.IntegerType;
import java.util.List;
import java.util.OptionalInt;

/**
 * A per-axis uniformly quantized type, MLIR's {@code !quant.uniform<i8:f32:1, {0.1,0.2:3}>}: one scale and zero
 * point per index of dimension {@code axis} of the tensors that use it (zero points of 0 are not printed). Whether
 * the axis lies within a tensor's rank and the scale count equals that dimension is checked by the ops that use it.
 *
 * @param storage    storage type, range and expressed type
 * @param quantizedDimension the quantized dimension, the {@link #axis()} (non-negative)
 * @param scales     the scales, one per index of the dimension
 * @param zeroPoints the zero points, as many as scales
 */
public record UniformQuantizedPerAxisType(
        QuantStorage storage, int quantizedDimension, List<Double> scales, List<Long> zeroPoints)
        implements StoredQuantizedType {
    /** @throws IllegalArgumentException for a negative axis, no or mismatched parameters, or an invalid pair */
    public UniformQuantizedPerAxisType {
        scales = List.copyOf(scales);
        zeroPoints = List.copyOf(zeroPoints);
        if (quantizedDimension < 0)
            throw new IllegalArgumentException("illegal quantized dimension: " + quantizedDimension);
        if (scales.isEmpty()) throw new IllegalArgumentException("per-axis type needs at least one scale");
        if (scales.size() != zeroPoints.size())
            throw new IllegalArgumentException(
                    "illegal number of scales and zero points: " + scales.size() + " and " + zeroPoints.size());
        for (double s : scales) QuantStorage.checkScale(s);
        for (long z : zeroPoints) storage.checkZeroPoint(z);
    }

    /** {@return a symmetric {@code i8<-127:127>} type with zero points 0: DESIGN §7's per-channel weight type} */
    public static UniformQuantizedPerAxisType symmetricI8(int axis, List<Double> scales) {
        return new UniformQuantizedPerAxisType(
                new QuantStorage(IntegerType.I8, -127, 127, FloatType.F32),
                axis,
                scales,
                scales.stream().map(s -> 0L).toList());
    }

    @Override
    public String dialect() {
        return "quant";
    }

    @Override
    public String body() {
        StringBuilder sb = new StringBuilder("uniform<")
                .append(storage.text())
                .append(':')
                .append(storage.expressedType())
                .append(':')
                .append(quantizedDimension)
                .append(", {");
        for (int i = 0; i < scales.size(); i++) {
            if (i > 0) sb.append(',');
            sb.append(QuantStorage.scaleText(scales.get(i)));
            if (zeroPoints.get(i) != 0) sb.append(':').append(zeroPoints.get(i));
        }
        return sb.append("}>").toString();
    }

    @Override
    public OptionalInt axis() {
        return OptionalInt.of(quantizedDimension);
    }

    @Override
    public int channels() {
        return scales.size();
    }

    @Override
    public double scale(int channel) {
        return scales.get(channel);
    }

    @Override
    public long zeroPoint(int channel) {
        return zeroPoints.get(channel);
    }

    @Override
    public String toString() {
        return "!quant." + body();
    }
}
