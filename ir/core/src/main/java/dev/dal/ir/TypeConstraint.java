package dev.dal.ir;

import java.util.function.Predicate;

/**
 * A named predicate on types, used by op declarations ({@code @Operand(type = "FLOAT_TENSOR")}) and reported in
 * verifier messages and reference pages as its description.
 *
 * @param description what the verifier says is expected, e.g. {@code "tensor of floating-point values"}
 * @param test        the predicate
 */
public record TypeConstraint(String description, Predicate<Type> test) {
    public static final TypeConstraint ANY = new TypeConstraint("any type", t -> true);
    public static final TypeConstraint TENSOR =
            new TypeConstraint("tensor", t -> t instanceof TensorType || t instanceof UnrankedTensorType);
    public static final TypeConstraint RANKED_TENSOR =
            new TypeConstraint("ranked tensor", t -> t instanceof TensorType);
    public static final TypeConstraint FLOAT_TENSOR = new TypeConstraint(
            "tensor of floating-point values",
            t -> TENSOR.test(t) && ((ShapedType) t).elementType() instanceof FloatType);
    public static final TypeConstraint INTEGER_TENSOR = new TypeConstraint(
            "tensor of integer values", t -> TENSOR.test(t) && ((ShapedType) t).elementType() instanceof IntegerType);
    public static final TypeConstraint INTEGER = new TypeConstraint("integer", t -> t instanceof IntegerType);
    public static final TypeConstraint SIGNLESS_INTEGER_OR_INDEX = new TypeConstraint(
            "signless integer or index",
            t -> t instanceof IndexType
                    || t instanceof IntegerType i && i.signedness() == IntegerType.Signedness.SIGNLESS);
    public static final TypeConstraint I1 = new TypeConstraint("i1", t -> t.equals(IntegerType.I1));
    public static final TypeConstraint INDEX = new TypeConstraint("index", t -> t instanceof IndexType);
    public static final TypeConstraint FLOAT = new TypeConstraint("floating-point", t -> t instanceof FloatType);
    public static final TypeConstraint NONE = new TypeConstraint("none", t -> t instanceof NoneType);
    /** A tensor, or {@code none} for an absent optional input (ONNX's optional inputs in the graph dialect). */
    public static final TypeConstraint TENSOR_OR_NONE =
            new TypeConstraint("tensor or none", t -> TENSOR.test(t) || t instanceof NoneType);

    public static final TypeConstraint BOOL_TENSOR = new TypeConstraint(
            "tensor of i1 values",
            t -> TENSOR.test(t) && ((ShapedType) t).elementType().equals(IntegerType.I1));
    public static final TypeConstraint I64_TENSOR = new TypeConstraint(
            "tensor of i64 values",
            t -> TENSOR.test(t) && ((ShapedType) t).elementType().equals(IntegerType.I64));
    public static final TypeConstraint FUNCTION = new TypeConstraint("function type", t -> t instanceof FunctionType);

    /** {@return whether {@code t} satisfies the constraint} */
    public boolean test(Type t) {
        return test.test(t);
    }
}
