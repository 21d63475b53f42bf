package dev.dal.lowering.quantize;

import dev.dal.ir.Operation;
import dev.dal.ir.interp.Tensor;
import java.util.List;

/** The comparison the quantize tests assert on. */
final class Metrics2 {
    private Metrics2() {}

    /** {@return the cosine of the float and quantized models' first outputs over the samples} */
    static double logitsCosine(Operation floatModel, Operation quantized, List<Tensor> samples) {
        return QuantizeTesting.cosine(floatModel, quantized, samples);
    }
}
