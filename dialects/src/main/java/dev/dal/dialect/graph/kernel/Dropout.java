package dev.dal.dialect.graph.kernel;

import dev.dal.ir.interp.Tensor;
import java.util.List;

/**
 * ONNX Dropout. At inference (or with ratio 0) the output is the input and the mask all true. In training each
 * element is kept when a uniform draw in [0, 1) is at least {@code ratio}, and kept elements are scaled by
 * {@code 1 / (1 - ratio)}; dropped ones are 0. The draws are those of ONNX's reference, NumPy's legacy generator
 * seeded with the op's seed ({@code np.random.seed(seed); np.random.uniform(0, 1, x.shape)}: one draw per element, in
 * row-major order), so a seeded Dropout reproduces the reference exactly.
 */
public final class Dropout {
    private Dropout() {}

    /**
     * {@return the output and the mask}
     *
     * @param seed the generator's seed (its low 32 bits)
     * @throws IllegalArgumentException if the ratio is outside [0, 1) or x is not a float tensor
     */
    public static List<Tensor> dropout(Tensor x, float ratio, boolean training, long seed) {
        if (!(ratio >= 0 && ratio < 1)) throw new IllegalArgumentException("ratio must be in [0, 1), got " + ratio);
        if (!x.dtype().isFloat()) throw new IllegalArgumentException("expects a float tensor, got " + x.dtype());
        int n = x.size();
        boolean[] mask = new boolean[n];
        if (!training || ratio == 0) {
            java.util.Arrays.fill(mask, true);
            return List.of(x, Tensor.of(mask, x.shape()));
        }
        // the reference computes the scale in the ratio's f32 precision and multiplies f32 by f32
        double scale = 1f / (1f - ratio);
        MersenneTwister rng = new MersenneTwister(seed);
        Tensor y = Tensor.zeros(x.dtype(), x.shape());
        for (int i = 0; i < n; i++) {
            mask[i] = rng.nextDouble() >= ratio;
            if (mask[i]) y.setDouble(i, x.getDouble(i) * scale);
        }
        return List.of(y, Tensor.of(mask, x.shape()));
    }
}
