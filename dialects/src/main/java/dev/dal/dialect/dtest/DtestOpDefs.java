package dev.dal.dialect.dtest;

import dev.dal.ir.Attribute;
import dev.dal.ir.Block;
import dev.dal.ir.BoolAttr;
import dev.dal.ir.Builder;
import dev.dal.ir.DenseArrayAttr;
import dev.dal.ir.FloatAttr;
import dev.dal.ir.FoldResult;
import dev.dal.ir.Foldable;
import dev.dal.ir.HasCanonicalizationPatterns;
import dev.dal.ir.IntegerAttr;
import dev.dal.ir.IntegerType;
import dev.dal.ir.Location;
import dev.dal.ir.OpResult;
import dev.dal.ir.Operation;
import dev.dal.ir.Region;
import dev.dal.ir.StringAttr;
import dev.dal.ir.Type;
import dev.dal.ir.Value;
import dev.dal.ir.builtin.DalOpDefs;
import dev.dal.ir.opdef.Attr;
import dev.dal.ir.opdef.DialectDef;
import dev.dal.ir.opdef.Op;
import dev.dal.ir.opdef.Operand;
import dev.dal.ir.opdef.RegionDef;
import dev.dal.ir.opdef.Result;
import dev.dal.ir.opdef.Successor;
import dev.dal.ir.rewrite.RewritePattern;
import dev.dal.ir.trait.Commutative;
import dev.dal.ir.trait.HasParent;
import dev.dal.ir.trait.NoTerminator;
import dev.dal.ir.trait.Pure;
import dev.dal.ir.trait.ReturnLike;
import dev.dal.ir.trait.SameOperandsAndResultType;
import dev.dal.ir.trait.SingleBlock;
import dev.dal.ir.trait.Terminator;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/**
 * The test dialect: small ops that exercise the IR, the verifier, folding and the textual format without depending
 * on a real dialect. Named {@code dtest} because {@code mlir-opt} registers a {@code test} dialect of its own.
 */
@DialectDef(name = "dtest", summary = "Ops for testing DAL's IR, verifier, folding and textual format")
public final class DtestOpDefs {
    private DtestOpDefs() {}

    /** Folded constants of dtest ops become {@code dal.constant}. */
    public static Optional<Operation> materializeConstant(Builder b, Attribute value, Type type, Location loc) {
        return DalOpDefs.materializeConstant(b, value, type, loc);
    }

    /**
     * Conjures a value of any type; has side effects, so it is never folded, moved or removed.
     *
     * <pre>{@code
     * %0 = dtest.produce : tensor<2x3xf32>
     * }</pre>
     */
    @Op(name = "produce")
    public interface Produce {
        /** {@return the conjured value} */
        @Result(doc = "a value of any type")
        OpResult result();
    }

    /**
     * Uses values, with side effects: keeps them alive in tests.
     *
     * <pre>{@code
     * dtest.consume %0, %1 : tensor<2xf32>, i32
     * }</pre>
     */
    @Op(name = "consume")
    public interface Consume {
        /** {@return the used values} */
        @Operand(doc = "the values used")
        List<Value> values();
    }

    /**
     * Adds two values of the same type; folds constant integers and {@code x + 0}.
     *
     * <pre>{@code
     * %2 = dtest.add %0, %1 : i32
     * }</pre>
     */
    @Op(
            name = "add",
            traits = {Pure.class, Commutative.class, SameOperandsAndResultType.class})
    public interface Add extends Foldable {
        /** {@return the left operand} */
        @Operand
        Value lhs();

        /** {@return the right operand} */
        @Operand
        Value rhs();

        /** {@return the sum} */
        @Result
        OpResult result();

        /** {@code c1 + c2 -> c}, {@code x + 0 -> x}, {@code 0 + x -> x}. */
        @Override
        default Optional<List<FoldResult>> fold(List<Optional<Attribute>> constants) {
            Optional<BigInteger> l = intValue(constants.get(0)), r = intValue(constants.get(1));
            if (l.isPresent() && r.isPresent()) return constant(l.get().add(r.get()), result().type());
            if (r.filter(BigInteger.ZERO::equals).isPresent()) return existing(lhs());
            if (l.filter(BigInteger.ZERO::equals).isPresent()) return existing(rhs());
            return Optional.empty();
        }
    }

    /**
     * Multiplies two values of the same type; folds constant integers, {@code x * 1} and {@code x * 0}.
     *
     * <pre>{@code
     * %2 = dtest.mul %0, %1 : i32
     * }</pre>
     */
    @Op(
            name = "mul",
            traits = {Pure.class, Commutative.class, SameOperandsAndResultType.class})
    public interface Mul extends Foldable {
        /** {@return the left operand} */
        @Operand
        Value lhs();

        /** {@return the right operand} */
        @Operand
        Value rhs();

        /** {@return the product} */
        @Result
        OpResult result();

        /** {@code c1 * c2 -> c}, {@code x * 1 -> x}, {@code x * 0 -> 0} (and the mirrored forms). */
        @Override
        default Optional<List<FoldResult>> fold(List<Optional<Attribute>> constants) {
            Optional<BigInteger> l = intValue(constants.get(0)), r = intValue(constants.get(1));
            if (l.isPresent() && r.isPresent()) return constant(l.get().multiply(r.get()), result().type());
            if (r.filter(BigInteger.ZERO::equals).isPresent()
                    || l.filter(BigInteger.ZERO::equals).isPresent()) return constant(BigInteger.ZERO, result().type());
            if (r.filter(BigInteger.ONE::equals).isPresent()) return existing(lhs());
            if (l.filter(BigInteger.ONE::equals).isPresent()) return existing(rhs());
            return Optional.empty();
        }
    }

    /**
     * Negates a value; {@code neg(neg(x))} canonicalizes to {@code x}.
     *
     * <pre>{@code
     * %1 = dtest.neg %0 : i32
     * }</pre>
     */
    @Op(
            name = "neg",
            traits = {Pure.class, SameOperandsAndResultType.class})
    public interface Neg extends HasCanonicalizationPatterns {
        /** {@return the negated value} */
        @Operand
        Value input();

        /** {@return the negation} */
        @Result
        OpResult result();

        @Override
        default List<RewritePattern> canonicalizationPatterns() {
            return List.of(new NegNegPattern());
        }
    }

    /**
     * Carries attributes of several kinds: a required count, an optional label and defaulted ones.
     *
     * <pre>{@code
     * dtest.attrs {count = 3 : i64, label = "x", kernel = array<i64: 3, 3>}
     * }</pre>
     */
    @Op(name = "attrs")
    public interface Attrs {
        /** {@return the count} */
        @Attr(doc = "a required integer")
        IntegerAttr count();

        /** {@return the label} */
        @Attr(doc = "an optional string")
        Optional<StringAttr> label();

        /** {@return the stride} */
        @Attr(defaultValue = "1 : i64", doc = "an integer with a default")
        IntegerAttr stride();

        /** {@return the scale} */
        @Attr(defaultValue = "0.5 : f32", doc = "a float with a default")
        FloatAttr scale();

        /** {@return whether enabled} */
        @Attr(defaultValue = "true", doc = "a bool with a default")
        BoolAttr enabled();

        /** {@return the mode} */
        @Attr(defaultValue = "\"relu\"", doc = "a string with a default")
        StringAttr mode();

        /** {@return the kernel} */
        @Attr(defaultValue = "array<i64: 1, 1>", doc = "a dense array with a default")
        DenseArrayAttr kernel();
    }

    /**
     * Holds one or more single-block regions, which need no terminator.
     *
     * <pre>{@code
     * dtest.region {
     *   %0 = dtest.produce : i32
     * }, {
     * }
     * }</pre>
     */
    @Op(
            name = "region",
            traits = {SingleBlock.class, NoTerminator.class},
            className = "RegionOp")
    public interface RegionHolder {
        /** {@return the first region} */
        @RegionDef(doc = "the first region")
        Region body();

        /** {@return the other regions} */
        @RegionDef(doc = "any further regions")
        List<Region> others();
    }

    /**
     * Branches to a block, passing values as its arguments.
     *
     * <pre>{@code
     * dtest.br ^bb1(%0 : i32)
     * }</pre>
     */
    @Op(name = "br", traits = Terminator.class)
    public interface Br {
        /** {@return the values passed} */
        @Operand(doc = "the successor's block arguments")
        List<Value> args();

        /** {@return the destination} */
        @Successor(doc = "the destination")
        Block dest();
    }

    /**
     * Branches on an {@code i1} to one of two blocks.
     *
     * <pre>{@code
     * dtest.cond_br %c, ^bb1, ^bb2
     * }</pre>
     */
    @Op(name = "cond_br", traits = Terminator.class)
    public interface CondBr {
        /** {@return the condition} */
        @Operand(type = "I1", doc = "the condition")
        Value condition();

        /** {@return where to go when true} */
        @Successor(doc = "taken when the condition is true")
        Block trueDest();

        /** {@return where to go when false} */
        @Successor(doc = "taken when the condition is false")
        Block falseDest();
    }

    /**
     * Ends a block, with no other meaning.
     *
     * <pre>{@code
     * dtest.terminator
     * }</pre>
     */
    @Op(name = "terminator", traits = Terminator.class, className = "TerminatorOp")
    public interface End {}

    /**
     * Has two variadic operand groups and an optional one, so its operand sizes live in {@code operandSegmentSizes}.
     *
     * <pre>{@code
     * %r = "dtest.variadic"(%a, %b, %c, %d) {operandSegmentSizes = array<i32: 1, 2, 1, 0>} : (i32, i32, i32, i32) -> i32
     * }</pre>
     */
    @Op(name = "variadic")
    public interface Variadic {
        /** {@return the first operand} */
        @Operand(doc = "exactly one")
        Value first();

        /** {@return the left group} */
        @Operand(doc = "any number")
        List<Value> lefts();

        /** {@return the right group} */
        @Operand(doc = "any number")
        List<Value> rights();

        /** {@return the optional operand} */
        @Operand(doc = "zero or one")
        Optional<Value> extra();

        /** {@return the results} */
        @Result(doc = "any number")
        List<OpResult> outputs();
    }

    /**
     * Takes only tensors of floats.
     *
     * <pre>{@code
     * %1 = dtest.float_only %0 : (tensor<4xf32>) -> tensor<4xf32>
     * }</pre>
     */
    @Op(name = "float_only")
    public interface FloatOnly {
        /** {@return the input} */
        @Operand(type = "FLOAT_TENSOR", doc = "a float tensor")
        Value input();

        /** {@return the output} */
        @Result(type = "FLOAT_TENSOR", doc = "a float tensor")
        OpResult output();
    }

    /**
     * Returns from a {@code dtest.region}; only valid directly inside one.
     *
     * <pre>{@code
     * dtest.region {
     *   dtest.ret %0 : i32
     * }
     * }</pre>
     */
    @Op(
            name = "ret",
            traits = {Terminator.class, ReturnLike.class, HasParent.class})
    public interface Ret {
        /** {@return the returned values} */
        @Operand(doc = "the values returned")
        List<Value> values();

        /** {@return {@code dtest.region}} */
        default Class<? extends Operation> requiredParent() {
            return RegionOp.class;
        }
    }

    // ---- folding helpers ------------------------------------------------------------------------------------

    private static Optional<BigInteger> intValue(Optional<Attribute> a) {
        return a.filter(IntegerAttr.class::isInstance).map(x -> ((IntegerAttr) x).value());
    }

    private static Optional<List<FoldResult>> existing(Value v) {
        return Optional.of(List.of(new FoldResult.Existing(v)));
    }

    /** A folded integer, wrapped to the result type's width as two's complement arithmetic does. */
    private static Optional<List<FoldResult>> constant(BigInteger v, Type type) {
        if (!(type instanceof IntegerType it)) return Optional.empty();
        BigInteger modulus = BigInteger.ONE.shiftLeft(it.width());
        BigInteger wrapped = v.mod(modulus);
        if (it.signedness() != IntegerType.Signedness.UNSIGNED && wrapped.testBit(it.width() - 1))
            wrapped = wrapped.subtract(modulus);
        return Optional.of(List.of(new FoldResult.Constant(new IntegerAttr(wrapped, it))));
    }
}
