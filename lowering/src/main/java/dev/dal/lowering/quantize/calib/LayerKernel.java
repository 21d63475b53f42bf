package dev.dal.lowering.quantize.calib;

import dev.dal.ir.interp.Tensor;

/**
 * A layer's float computation from its activation input and weights (bias and attributes captured by the
 * implementation), for example a conv or gemm kernel of the graph dialect. {@link EasyQuant} runs it on fake-quantized
 * inputs and weights.
 */
@FunctionalInterface
public interface LayerKernel {
    /** {@return the layer's output for {@code input} and {@code weights}} */
    Tensor apply(Tensor input, Tensor weights);
}
