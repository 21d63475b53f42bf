package dev.dal.lowering.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dal.dialect.quant.UniformQuantizedPerAxisType;
import dev.dal.dialect.quant.UniformQuantizedType;
import dev.dal.ir.IntegerType;
import dev.dal.ir.TensorType;
import dev.dal.ir.interp.DType;
import dev.dal.ir.interp.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

class DequantizerTest {
    @Test
    void perTensorValuesAreStorageTimesScale() {
        Tensor q = Tensor.zeros(DType.I8, 3);
        q.setLong(0, -127);
        q.setLong(1, 0);
        q.setLong(2, 64);
        TensorType t = TensorType.of(List.of(3L), UniformQuantizedType.symmetricI8(0.5));
        assertArrayEquals(
                new float[] {-63.5f, 0f, 32f},
                Dequantizer.standard().realValues(q, t).orElseThrow());
    }

    @Test
    void perAxisValuesUseTheirChannelsScale() {
        // a [2, 3] weight quantized along axis 0 with scales 0.1 and 2: row 0 uses 0.1, row 1 uses 2
        Tensor q = Tensor.zeros(DType.I8, 2, 3);
        for (int i = 0; i < 6; i++) q.setLong(i, i + 1);
        TensorType t = TensorType.of(List.of(2L, 3L), UniformQuantizedPerAxisType.symmetricI8(0, List.of(0.1, 2.0)));
        float[] got = Dequantizer.standard().realValues(q, t).orElseThrow();
        assertArrayEquals(new float[] {0.1f, 0.2f, 0.3f, 8f, 10f, 12f}, got, 1e-6f);
    }

    @Test
    void integersOfPlainTypesHaveNoRealValues() {
        Tensor idx = Tensor.zeros(DType.I64, 2);
        assertTrue(Dequantizer.standard()
                .realValues(idx, TensorType.of(List.of(2L), IntegerType.I64))
                .isEmpty());
    }
}
