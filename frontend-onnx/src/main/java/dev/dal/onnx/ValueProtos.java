package dev.dal.onnx;

import dev.dal.dialect.graph.GraphTypes;
import dev.dal.ir.Type;
import dev.dal.ir.interp.OptionalValue;
import dev.dal.ir.interp.RuntimeValue;
import dev.dal.ir.interp.Tensor;
import dev.dal.ir.interp.TensorSequence;
import dev.dal.onnx.proto.Onnx.OptionalProto;
import dev.dal.onnx.proto.Onnx.SequenceProto;
import dev.dal.onnx.proto.Onnx.TensorProto;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * ONNX values of any type DAL has as interpreter values: {@code TensorProto}s, {@code SequenceProto}s of tensors and
 * {@code OptionalProto}s (the {@code .pb} files of ONNX test data sets, whose message depends on the value's type).
 */
public final class ValueProtos {
    private ValueProtos() {}

    /**
     * {@return the value in a serialized file, parsed as the message the declared type calls for}: a SequenceProto
     * for {@code !graph.seq<...>}, an OptionalProto for {@code !graph.opt<...>}, else a TensorProto
     *
     * @throws OnnxException if the file cannot be read or holds a value DAL does not represent
     */
    public static RuntimeValue read(Path file, Type declared) throws OnnxException {
        if (!GraphTypes.isSequence(declared) && !GraphTypes.isOptional(declared)) return TensorProtos.read(file);
        try (InputStream in = Files.newInputStream(file)) {
            return GraphTypes.isSequence(declared)
                    ? toValue(SequenceProto.parseFrom(in))
                    : toValue(OptionalProto.parseFrom(in));
        } catch (IOException e) {
            throw new OnnxException(file + ": error: cannot read value: " + e.getMessage());
        }
    }

    /**
     * {@return the sequence of tensors a SequenceProto holds}
     *
     * @throws OnnxException for sequences of other values (sequences, maps, optionals)
     */
    public static TensorSequence toValue(SequenceProto s) throws OnnxException {
        if (s.getSequenceValuesCount() > 0 || s.getOptionalValuesCount() > 0)
            throw new OnnxException("error: sequence '" + s.getName() + "' holds values other than tensors");
        List<Tensor> tensors = new ArrayList<>();
        for (TensorProto t : s.getTensorValuesList()) tensors.add(TensorProtos.toTensor(t));
        return new TensorSequence(tensors);
    }

    /**
     * {@return the optional an OptionalProto holds: a tensor, a sequence of tensors, or nothing}
     *
     * @throws OnnxException for optionals of other values (maps, optionals)
     */
    public static OptionalValue toValue(OptionalProto o) throws OnnxException {
        if (o.hasTensorValue()) return OptionalValue.of(TensorProtos.toTensor(o.getTensorValue()));
        if (o.hasSequenceValue()) return OptionalValue.of(toValue(o.getSequenceValue()));
        if (o.hasOptionalValue())
            throw new OnnxException("error: optional '" + o.getName() + "' holds an optional, which DAL does not have");
        return OptionalValue.empty();
    }
}
