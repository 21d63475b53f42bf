package dev.dal.ir;

/**
 * An immutable IR type, compared by value. The builtin kinds follow MLIR's builtin dialect; types a
 * dialect models itself (e.g. {@code !quant.uniform<...>}) are {@link DialectType}s; types of dialects that DAL does
 * not model are {@link OpaqueType}.
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
                OpaqueType,
                DialectType {}
