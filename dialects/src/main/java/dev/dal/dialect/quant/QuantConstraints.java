package dev.dal.dialect.quant;

import dev.dal.ir.IntegerType;
import dev.dal.ir.QuantizedElementType;
import dev.dal.ir.TensorType;
import dev.dal.ir.TypeConstraint;

/** The operand and result type constraints of the {@code quant} and {@code qnn} ops. */
public final class QuantConstraints {
    private QuantConstraints() {}

    /** A ranked tensor of a quantized element type. */
    public static final TypeConstraint QUANT_TENSOR = new TypeConstraint(
            "ranked tensor of quantized values",
            t -> t instanceof TensorType tt && tt.elementType() instanceof QuantizedElementType);

    /** A ranked tensor of a quantized or integer element type ({@code quant.scast}'s sides). */
    public static final TypeConstraint QUANT_OR_INTEGER_TENSOR = new TypeConstraint(
            "ranked tensor of quantized or integer values",
            t -> t instanceof TensorType tt
                    && (tt.elementType() instanceof QuantizedElementType || tt.elementType() instanceof IntegerType));

    /** A ranked tensor of a float element type. */
    public static final TypeConstraint FLOAT_RANKED_TENSOR = new TypeConstraint(
            "ranked tensor of floating-point values",
            t -> t instanceof TensorType tt && tt.elementType() instanceof dev.dal.ir.FloatType);

    /** A quantized tensor or {@code none} (an absent optional operand). */
    public static final TypeConstraint QUANT_TENSOR_OR_NONE = new TypeConstraint(
            "ranked tensor of quantized values or none", t -> QUANT_TENSOR.test(t) || t instanceof dev.dal.ir.NoneType);
}
