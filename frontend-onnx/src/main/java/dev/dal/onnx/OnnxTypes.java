package dev.dal.onnx;

import dev.dal.dialect.graph.GraphTypes;
import dev.dal.ir.FloatType;
import dev.dal.ir.IntegerType;
import dev.dal.ir.OpaqueType;
import dev.dal.ir.ShapedType;
import dev.dal.ir.TensorType;
import dev.dal.ir.Type;
import dev.dal.ir.UnrankedTensorType;
import dev.dal.onnx.proto.Onnx.TensorProto.DataType;
import dev.dal.onnx.proto.Onnx.TensorShapeProto;
import dev.dal.onnx.proto.Onnx.TypeProto;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** ONNX element types and value types to DAL types and back, as docs/graph-conventions.md defines them. */
public final class OnnxTypes {
    private OnnxTypes() {}

    /** The type of ONNX string tensors' elements. */
    public static final Type STRING = new OpaqueType("graph", "string");

    /** {@return the DAL element type of an ONNX {@code DataType} number, if DAL has one} */
    public static Optional<Type> elementType(int dataType) {
        DataType dt = DataType.forNumber(dataType);
        if (dt == null) return Optional.empty();
        return Optional.ofNullable(
                switch (dt) {
                    case FLOAT -> FloatType.F32;
                    case FLOAT16 -> FloatType.F16;
                    case BFLOAT16 -> FloatType.BF16;
                    case DOUBLE -> FloatType.F64;
                    case INT8 -> IntegerType.I8;
                    case INT16 -> IntegerType.I16;
                    case INT32 -> IntegerType.I32;
                    case INT64 -> IntegerType.I64;
                    case UINT8 -> new IntegerType(8, IntegerType.Signedness.UNSIGNED);
                    case UINT16 -> new IntegerType(16, IntegerType.Signedness.UNSIGNED);
                    case UINT32 -> new IntegerType(32, IntegerType.Signedness.UNSIGNED);
                    case UINT64 -> new IntegerType(64, IntegerType.Signedness.UNSIGNED);
                    case BOOL -> IntegerType.I1;
                    case STRING -> STRING;
                    default -> null;
                });
    }

    /** {@return the ONNX {@code DataType} number of a DAL element type, if ONNX has one} */
    public static Optional<Integer> dataType(Type t) {
        DataType dt = null;
        if (t instanceof FloatType f) {
            dt = switch (f.kind()) {
                case F32 -> DataType.FLOAT;
                case F16 -> DataType.FLOAT16;
                case BF16 -> DataType.BFLOAT16;
                case F64 -> DataType.DOUBLE;
                default -> null;
            };
        } else if (t instanceof IntegerType i) {
            boolean unsigned = i.signedness() == IntegerType.Signedness.UNSIGNED;
            dt = switch (i.width()) {
                case 1 -> unsigned ? null : DataType.BOOL;
                case 8 -> unsigned ? DataType.UINT8 : DataType.INT8;
                case 16 -> unsigned ? DataType.UINT16 : DataType.INT16;
                case 32 -> unsigned ? DataType.UINT32 : DataType.INT32;
                case 64 -> unsigned ? DataType.UINT64 : DataType.INT64;
                default -> null;
            };
        } else if (t.equals(STRING)) {
            dt = DataType.STRING;
        }
        return Optional.ofNullable(dt).map(DataType::getNumber);
    }

    /**
     * {@return the DAL type of an ONNX value type, if representable}: a tensor (ranked when the shape is known), or a
     * sequence or optional of one ({@code !graph.seq<...>}, {@code !graph.opt<...>})
     */
    public static Optional<Type> valueType(TypeProto tp) {
        if (tp.hasSequenceType())
            return valueType(tp.getSequenceType().getElemType()).map(GraphTypes::sequence);
        if (tp.hasOptionalType())
            return valueType(tp.getOptionalType().getElemType()).map(GraphTypes::optional);
        if (!tp.hasTensorType()) return Optional.empty();
        TypeProto.Tensor tt = tp.getTensorType();
        Optional<Type> et = elementType(tt.getElemType());
        if (et.isEmpty()) return Optional.empty();
        if (!tt.hasShape()) return Optional.of(new UnrankedTensorType(et.get()));
        List<Long> dims = new ArrayList<>();
        for (TensorShapeProto.Dimension d : tt.getShape().getDimList())
            dims.add(d.hasDimValue() && d.getDimValue() >= 0 ? d.getDimValue() : ShapedType.DYNAMIC);
        return Optional.of(TensorType.of(dims, et.get()));
    }

    /** {@return the ONNX value type of a DAL tensor type} */
    public static Optional<TypeProto> typeProto(Type t) {
        if (!(t instanceof ShapedType st) || t instanceof dev.dal.ir.VectorType || t instanceof dev.dal.ir.MemRefType)
            return Optional.empty();
        Optional<Integer> dt = dataType(st.elementType());
        if (dt.isEmpty()) return Optional.empty();
        TypeProto.Tensor.Builder tb = TypeProto.Tensor.newBuilder().setElemType(dt.get());
        if (st.hasRank()) {
            TensorShapeProto.Builder sb = TensorShapeProto.newBuilder();
            for (long d : st.shape()) {
                TensorShapeProto.Dimension.Builder db = TensorShapeProto.Dimension.newBuilder();
                if (d != ShapedType.DYNAMIC) db.setDimValue(d);
                sb.addDim(db);
            }
            tb.setShape(sb);
        }
        return Optional.of(TypeProto.newBuilder().setTensorType(tb).build());
    }

    /** {@return a value type in IR syntax, for messages: {@code tensor<2x?xf32>}, {@code tensor<*xi64>}} */
    public static String text(Type t) {
        if (!(t instanceof ShapedType st) || !(t instanceof TensorType || t instanceof UnrankedTensorType))
            return t.toString();
        StringBuilder sb = new StringBuilder("tensor<");
        if (!st.hasRank()) sb.append("*x");
        else
            for (long d : st.shape())
                sb.append(d == ShapedType.DYNAMIC ? "?" : Long.toString(d)).append('x');
        return sb.append(st.elementType()).append('>').toString();
    }
}
