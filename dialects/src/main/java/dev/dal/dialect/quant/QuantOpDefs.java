package dev.dal.dialect.quant;

import static dev.dal.dialect.quant.QuantChecks.error;

import dev.dal.dialect.quant.kernel.QuantCast;
import dev.dal.ir.FloatType;
import dev.dal.ir.IntegerType;
import dev.dal.ir.OpResult;
import dev.dal.ir.QuantizedElementType;
import dev.dal.ir.ShapedType;
import dev.dal.ir.Type;
import dev.dal.ir.Value;
import dev.dal.ir.Verifiable;
import dev.dal.ir.diag.DiagnosticEngine;
import dev.dal.ir.interp.DType;
import dev.dal.ir.interp.ExecContext;
import dev.dal.ir.interp.Executable;
import dev.dal.ir.interp.Tensor;
import dev.dal.ir.opdef.DialectDef;
import dev.dal.ir.opdef.Op;
import dev.dal.ir.opdef.Operand;
import dev.dal.ir.opdef.Result;
import dev.dal.ir.trait.Pure;
import dev.dal.ir.trait.Traits;
import java.util.List;
import java.util.Optional;

/**
 * MLIR's {@code quant} dialect: the uniformly quantized types {@code !quant.uniform<i8:f32, 0.0235:3>} (per tensor)
 * and {@code !quant.uniform<i8<-127:127>:f32:0, {0.1, 0.2}>} (per axis), and the casts between real, quantized and
 * storage values, with MLIR's names and meaning so that such files stay readable by {@code mlir-opt}. The quantized
 * compute ops, which MLIR's dialect does not have, are the {@code qnn} dialect ({@link QnnOpDefs}).
 */
@DialectDef(name = "quant", summary = "Quantized types and the casts between real, quantized and storage values")
public final class QuantOpDefs {
    private QuantOpDefs() {}

    /**
     * The dialect's type hook: {@code uniform<...>} bodies become {@link UniformQuantizedType} or
     * {@link UniformQuantizedPerAxisType}; other kinds stay opaque.
     *
     * @throws IllegalArgumentException for a malformed or invalid {@code uniform} type
     */
    public static Optional<Type> parseType(String body) {
        return QuantTypeParser.parse(body);
    }

    /**
     * Quantizes real values: {@code q = saturate(zp + round(x / scale))}, rounding to nearest with ties away from
     * zero, saturating to the storage range (per channel for per-axis types). The input's element type is the
     * quantized type's expressed type.
     *
     * <pre>{@code
     * %q = quant.qcast %x : (tensor<1x8xf32>) -> tensor<1x8x!quant.uniform<i8:f32, 0.5>>
     * }</pre>
     */
    @Op(
            name = "qcast",
            traits = {Pure.class})
    public interface Qcast extends Verifiable, Executable {
        /** {@return the real values} */
        @Operand(type = "QuantConstraints.FLOAT_RANKED_TENSOR", doc = "the real values")
        Value input();

        /** {@return the quantized values} */
        @Result(type = "QuantConstraints.QUANT_TENSOR", doc = "the quantized values")
        OpResult result();

        @Override
        default boolean verify(DiagnosticEngine diag) {
            return expressedMatches(this, diag, input(), result())
                    && QuantChecks.sameShape(this, diag, input(), result())
                    && QuantChecks.axesFit((dev.dal.ir.Operation) this, diag);
        }

        @Override
        default List<Tensor> execute(List<Tensor> in, ExecContext ctx) {
            return List.of(QuantCast.qcast(in.get(0), QuantChecks.q(result()), ctx.pool()));
        }
    }

    /**
     * Dequantizes: {@code x = (q - zp) * scale} (per channel for per-axis types), as the expressed type.
     *
     * <pre>{@code
     * %x = quant.dcast %q : (tensor<1x8x!quant.uniform<i8:f32, 0.5>>) -> tensor<1x8xf32>
     * }</pre>
     */
    @Op(
            name = "dcast",
            traits = {Pure.class})
    public interface Dcast extends Verifiable, Executable {
        /** {@return the quantized values} */
        @Operand(type = "QuantConstraints.QUANT_TENSOR", doc = "the quantized values")
        Value input();

        /** {@return the real values} */
        @Result(type = "QuantConstraints.FLOAT_RANKED_TENSOR", doc = "the real values")
        OpResult result();

        @Override
        default boolean verify(DiagnosticEngine diag) {
            return expressedMatches(this, diag, result(), input())
                    && QuantChecks.sameShape(this, diag, input(), result())
                    && QuantChecks.axesFit((dev.dal.ir.Operation) this, diag);
        }

        @Override
        default List<Tensor> execute(List<Tensor> in, ExecContext ctx) {
            DType out = DType.fromIrType(((ShapedType) result().type()).elementType())
                    .orElseThrow(() -> ctx.error("result element type has no runtime representation"));
            return List.of(QuantCast.dcast(in.get(0), QuantChecks.q(input()), out));
        }
    }

    /**
     * Reinterprets stored values between a quantized type and its storage integer type, in either direction; the
     * values are unchanged.
     *
     * <pre>{@code
     * %s = quant.scast %q : (tensor<1x8x!quant.uniform<i8:f32, 0.5>>) -> tensor<1x8xi8>
     * }</pre>
     */
    @Op(
            name = "scast",
            traits = {Pure.class})
    public interface Scast extends Verifiable, Executable {
        /** {@return the quantized or storage values} */
        @Operand(type = "QuantConstraints.QUANT_OR_INTEGER_TENSOR", doc = "the quantized or storage values")
        Value input();

        /** {@return the same values as the other kind} */
        @Result(type = "QuantConstraints.QUANT_OR_INTEGER_TENSOR", doc = "the same values as the other kind")
        OpResult result();

        @Override
        default boolean verify(DiagnosticEngine diag) {
            Optional<QuantizedElementType> qi = QuantChecks.qtype(input()), qr = QuantChecks.qtype(result());
            if (qi.isPresent() == qr.isPresent())
                return error(
                        this,
                        diag,
                        "exactly one of input and result must be quantized, got " + Traits.typeText(input().type())
                                + " and " + Traits.typeText(result().type()));
            QuantizedElementType q = qi.orElseGet(qr::get);
            Type other = ((ShapedType) (qi.isPresent() ? result() : input()).type()).elementType();
            IntegerType storage = q.storageType();
            if (!other.equals(storage))
                return error(
                        this,
                        diag,
                        "integer type " + Traits.typeText(other) + " must be the storage type "
                                + Traits.typeText(storage) + " of " + Traits.typeText(q));
            return QuantChecks.sameShape(this, diag, input(), result())
                    && QuantChecks.axesFit((dev.dal.ir.Operation) this, diag);
        }

        @Override
        default List<Tensor> execute(List<Tensor> in, ExecContext ctx) {
            return List.of(in.get(0));
        }
    }

    /** The real side's element type is the quantized side's expressed type. */
    static boolean expressedMatches(Object op, DiagnosticEngine diag, Value real, Value quant) {
        Type e = ((ShapedType) real.type()).elementType();
        QuantizedElementType q = QuantChecks.q(quant);
        FloatType expressed = q.expressedType();
        if (!e.equals(expressed))
            return error(
                    op,
                    diag,
                    "real element type " + Traits.typeText(e) + " must be the expressed type "
                            + Traits.typeText(expressed) + " of " + Traits.typeText(q));
        return true;
    }
}
