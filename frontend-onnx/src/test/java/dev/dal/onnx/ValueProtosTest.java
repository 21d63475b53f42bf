package dev.dal.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.dal.dialect.graph.GraphTypes;
import dev.dal.ir.FloatType;
import dev.dal.ir.TensorType;
import dev.dal.ir.interp.OptionalValue;
import dev.dal.ir.interp.Tensor;
import dev.dal.ir.interp.TensorSequence;
import dev.dal.onnx.proto.Onnx.OptionalProto;
import dev.dal.onnx.proto.Onnx.SequenceProto;
import dev.dal.onnx.proto.Onnx.TensorProto;
import dev.dal.onnx.proto.Onnx.TensorShapeProto;
import dev.dal.onnx.proto.Onnx.TypeProto;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sequence and optional values and types of ONNX, read into DAL's. */
class ValueProtosTest {
    private static TypeProto tensorType(int... dims) {
        TensorShapeProto.Builder s = TensorShapeProto.newBuilder();
        for (int d : dims) s.addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(d));
        return TypeProto.newBuilder()
                .setTensorType(TypeProto.Tensor.newBuilder()
                        .setElemType(TensorProto.DataType.FLOAT.getNumber())
                        .setShape(s))
                .build();
    }

    @Test
    void sequenceAndOptionalTypesBecomeGraphTypes() {
        TypeProto seq = TypeProto.newBuilder()
                .setSequenceType(TypeProto.Sequence.newBuilder().setElemType(tensorType(5)))
                .build();
        TypeProto opt = TypeProto.newBuilder()
                .setOptionalType(TypeProto.Optional.newBuilder().setElemType(seq))
                .build();
        var seqType = GraphTypes.sequence(TensorType.of(FloatType.F32, 5));
        assertEquals(seqType, OnnxTypes.valueType(seq).orElseThrow());
        assertEquals(GraphTypes.optional(seqType), OnnxTypes.valueType(opt).orElseThrow());
    }

    @Test
    void sequenceAndOptionalFilesReadAsTheDeclaredTypeSays(@TempDir Path dir) throws Exception {
        TensorProto a = TensorProtos.fromTensor("a", Tensor.of(new float[] {1, 2}, 2));
        TensorProto b = TensorProtos.fromTensor("b", Tensor.scalar(3));
        SequenceProto seq = SequenceProto.newBuilder()
                .setElemType(SequenceProto.DataType.TENSOR.getNumber())
                .addTensorValues(a)
                .addTensorValues(b)
                .build();
        Path seqFile = dir.resolve("seq.pb"), optFile = dir.resolve("opt.pb"), noneFile = dir.resolve("none.pb");
        Files.write(seqFile, seq.toByteArray());
        Files.write(
                optFile,
                OptionalProto.newBuilder()
                        .setElemType(OptionalProto.DataType.SEQUENCE.getNumber())
                        .setSequenceValue(seq)
                        .build()
                        .toByteArray());
        Files.write(noneFile, OptionalProto.newBuilder().build().toByteArray());
        var seqType = GraphTypes.sequence(TensorType.of(FloatType.F32, 2));

        TensorSequence s = assertInstanceOf(TensorSequence.class, ValueProtos.read(seqFile, seqType));
        assertEquals(2, s.tensors().size());
        assertArrayEquals(new float[] {1, 2}, s.tensors().get(0).floats());
        assertEquals(3f, s.tensors().get(1).getFloat(0));
        OptionalValue o =
                assertInstanceOf(OptionalValue.class, ValueProtos.read(optFile, GraphTypes.optional(seqType)));
        assertEquals(2, ((TensorSequence) o.value().orElseThrow()).tensors().size());
        assertEquals(OptionalValue.empty(), ValueProtos.read(noneFile, GraphTypes.optional(seqType)));
    }
}
