package dev.dal.lowering.eval;

import dev.dal.ir.QuantizedElementType;
import dev.dal.ir.ShapedType;
import dev.dal.ir.Type;
import dev.dal.ir.interp.Tensor;
import java.util.Optional;

/**
 * Turns a value the interpreter computed into the real numbers it stands for, so that a float model's values and a
 * quantized model's can be compared element by element. The interpreter keeps a quantized tensor as its storage
 * integers; its declared IR type says how they map to reals.
 */
@FunctionalInterface
public interface Dequantizer {
    /**
     * {@return the real values of {@code value}, whose declared type is {@code type}, as f32 in row-major order; or
     * empty when the value has no real meaning to compare (indices, shapes, booleans, strings)}
     */
    Optional<float[]> realValues(Tensor value, Type type);

    /** Floating-point tensors as they are (widened or narrowed to f32); nothing else has real values. */
    Dequantizer FLOATS = (value, type) -> {
        if (value.isNone() || !value.dtype().isFloat() || value.size() == 0) return Optional.empty();
        float[] out = new float[value.size()];
        value.toF32().floatView().get(out);
        return Optional.of(out);
    };

    /**
     * Tensors of a quantized element type ({@code !quant.uniform<…>}, per tensor or per axis): each stored integer
     * {@code q} of channel {@code c} stands for {@code (q - zeroPoint(c)) * scale(c)}; other types have no real values
     * here.
     */
    Dequantizer QUANTIZED = (value, type) -> {
        if (value.isNone() || !(type instanceof ShapedType st) || !(st.elementType() instanceof QuantizedElementType q))
            return Optional.empty();
        int[] shape = value.shape();
        int axis = q.axis().orElse(-1);
        int inner = 1;
        if (axis >= 0) for (int d = axis + 1; d < shape.length; d++) inner *= shape[d];
        int channels = axis >= 0 ? shape[axis] : 1;
        float[] out = new float[value.size()];
        for (int i = 0; i < out.length; i++) {
            int c = axis >= 0 ? (i / inner) % channels : 0;
            out[i] = (float) q.dequantize(value.getLong(i), c);
        }
        return Optional.of(out);
    };

    /** {@return the dequantizer {@code dal-eval} uses: every element type the IR knows how to map to reals} */
    static Dequantizer standard() {
        return (value, type) -> {
            Optional<float[]> quantized = QUANTIZED.realValues(value, type);
            return quantized.isPresent() ? quantized : FLOATS.realValues(value, type);
        };
    }
}
