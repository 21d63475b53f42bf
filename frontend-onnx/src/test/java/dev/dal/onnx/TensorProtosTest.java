package dev.dal.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dal.ir.interp.DType;
import dev.dal.ir.interp.Tensor;
import dev.dal.onnx.proto.Onnx.TensorProto;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TensorProtosTest {
    @ParameterizedTest
    @EnumSource(
            value = DType.class,
            names = {"STRING"},
            mode = EnumSource.Mode.EXCLUDE)
    void everyNumericTypeRoundTripsThroughRawData(DType dtype) throws Exception {
        Tensor t = Tensor.zeros(dtype, 2, 3);
        for (int i = 0; i < t.size(); i++) t.setLong(i, dtype == DType.BOOL ? i % 2 : i * 3 + 1);
        Tensor back = TensorProtos.toTensor(TensorProtos.fromTensor("t", t));
        assertEquals(dtype, back.dtype());
        assertArrayEquals(t.shape(), back.shape());
        assertTrue(t.contentEquals(back), () -> t + " came back as " + back);
    }

    @Test
    void stringsRoundTripThroughStringData() throws Exception {
        Tensor t = Tensor.of(new String[] {"a", "bc", ""}, 3);
        assertTrue(t.contentEquals(TensorProtos.toTensor(TensorProtos.fromTensor("s", t))));
    }

    @Test
    void typedFieldsOfSmallIntegersAndHalvesAreRead() throws Exception {
        TensorProto u8 = TensorProto.newBuilder()
                .setName("q")
                .setDataType(TensorProto.DataType.UINT8_VALUE)
                .addDims(3)
                .addInt32Data(0)
                .addInt32Data(128)
                .addInt32Data(255)
                .build();
        Tensor t = TensorProtos.toTensor(u8);
        assertEquals(DType.UI8, t.dtype());
        assertEquals(255, t.getLong(2));
        TensorProto f16 = TensorProto.newBuilder()
                .setName("h")
                .setDataType(TensorProto.DataType.FLOAT16_VALUE)
                .addInt32Data(0x3C00) // 1.0 in binary16
                .build();
        assertEquals(1.0, TensorProtos.toTensor(f16).getDouble(0));
    }

    @Test
    void dataThatDoesNotFitTheShapeIsAnError() {
        TensorProto bad = TensorProto.newBuilder()
                .setName("x")
                .setDataType(TensorProto.DataType.INT8_VALUE)
                .addDims(4)
                .addInt32Data(1)
                .build();
        OnnxException e = assertThrows(OnnxException.class, () -> TensorProtos.toTensor(bad));
        assertTrue(e.getMessage().contains("tensor 'x'"), e.getMessage());
    }
}
