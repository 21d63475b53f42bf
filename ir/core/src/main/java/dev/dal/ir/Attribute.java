package dev.dal.ir;

/**
 * An immutable attribute value, compared by value. Large constants ({@link DenseElementsAttr} with a hex blob,
 * {@link DenseResourceAttr}) hold their bytes in a shared {@link Blob} that is never copied by a rewrite.
 */
public sealed interface Attribute
        permits IntegerAttr,
                FloatAttr,
                StringAttr,
                BoolAttr,
                UnitAttr,
                ArrayAttr,
                DenseArrayAttr,
                DictionaryAttr,
                TypeAttr,
                SymbolRefAttr,
                DenseElementsAttr,
                DenseStringElementsAttr,
                DenseResourceAttr,
                LocationAttr,
                OpaqueAttr {

    /** {@return the type the attribute carries, if it is typed (integers, floats, elements)} */
    default java.util.Optional<Type> type() {
        return java.util.Optional.empty();
    }
}
