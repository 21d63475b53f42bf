package dev.dal.ir.parse;

import dev.dal.ir.ComplexType;
import dev.dal.ir.DialectType;
import dev.dal.ir.FunctionType;
import dev.dal.ir.MemRefType;
import dev.dal.ir.OpaqueType;
import dev.dal.ir.ShapedType;
import dev.dal.ir.TensorType;
import dev.dal.ir.TupleType;
import dev.dal.ir.Type;
import dev.dal.ir.UnrankedTensorType;
import dev.dal.ir.VectorType;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Types as MLIR writes them, for the parser's error messages ({@code 'tensor<2xf32>' vs 'i32'}). Encodings,
 * layouts and memory spaces are left out: messages only need to tell types apart by their shape and kind.
 */
final class Printing {
    private Printing() {}

    static String type(Type t) {
        return switch (t) {
            case TensorType tt -> "tensor<" + dims(tt.shape()) + type(tt.elementType()) + ">";
            case UnrankedTensorType u -> "tensor<*x" + type(u.elementType()) + ">";
            case VectorType v -> "vector<" + dims(v.shape()) + type(v.elementType()) + ">";
            case MemRefType m ->
                m.hasRank()
                        ? "memref<" + dims(m.shape()) + type(m.elementType()) + ">"
                        : "memref<*x" + type(m.elementType()) + ">";
            case ComplexType c -> "complex<" + type(c.elementType()) + ">";
            case TupleType tu -> "tuple<" + list(tu.types()) + ">";
            case FunctionType f ->
                "(" + list(f.inputs()) + ") -> "
                        + (f.results().size() == 1 && !(f.results().getFirst() instanceof FunctionType)
                                ? type(f.results().getFirst())
                                : "(" + list(f.results()) + ")");
            case OpaqueType o ->
                "!" + o.dialect() + (o.body().isEmpty() || o.body().startsWith("<") ? "" : ".") + o.body();
            case DialectType d ->
                "!" + d.dialect() + (d.body().isEmpty() || d.body().startsWith("<") ? "" : ".") + d.body();
            default -> t.toString();
        };
    }

    private static String dims(List<Long> shape) {
        StringBuilder sb = new StringBuilder();
        for (long d : shape)
            sb.append(d == ShapedType.DYNAMIC ? "?" : Long.toString(d)).append('x');
        return sb.toString();
    }

    private static String list(List<Type> ts) {
        return ts.stream().map(Printing::type).collect(Collectors.joining(", "));
    }
}
