package dev.dal.ir;

/**
 * An immutable IR type, compared by value. The builtin kinds follow MLIR's builtin dialect; types of
 * other dialects that DAL does not model yet (e.g. {@code !quant.uniform<...>}) are {@link OpaqueType}.
 */
public sealed interface Type
        permits IntegerType,
                FloatType,
                IndexType,
                NoneType,
                ShapedType,
                ComplexType,
                TupleType,
                FunctionType,
                OpaqueType {}
