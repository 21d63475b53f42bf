package dev.dal.lowering.eval;

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

    /** {@return the dequantizer {@code dal-eval} uses: every element type the IR knows how to map to reals} */
    static Dequantizer standard() {
        return FLOATS;
    }
}
