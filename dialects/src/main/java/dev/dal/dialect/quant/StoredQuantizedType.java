package dev.dal.dialect.quant;

import dev.dal.ir.FloatType;
import dev.dal.ir.IntegerType;
import dev.dal.ir.QuantizedElementType;

/** A quantized type whose storage type, range and expressed type are one {@link QuantStorage}. */
public sealed interface StoredQuantizedType extends QuantizedElementType
        permits UniformQuantizedType, UniformQuantizedPerAxisType {
    /** {@return the storage type, range and expressed type} */
    QuantStorage storage();

    @Override
    default IntegerType storageType() {
        return storage().storageType();
    }

    @Override
    default FloatType expressedType() {
        return storage().expressedType();
    }

    @Override
    default long storageMin() {
        return storage().storageMin();
    }

    @Override
    default long storageMax() {
        return storage().storageMax();
    }
}
