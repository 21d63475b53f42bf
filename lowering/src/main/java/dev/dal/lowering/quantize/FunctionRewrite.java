package dev.dal.lowering.quantize;

import dev.dal.dialect.graph.ConstantOp;
import dev.dal.dialect.graph.NoneOp;
import dev.dal.ir.Block;
import dev.dal.ir.FloatType;
import dev.dal.ir.Operation;
import dev.dal.ir.TensorType;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rewrites the planned ops of one function body to their quantized forms in order ({@link QnnEmitter}), then erases
 * the casts, constants and {@code graph.none} ops nothing reads any more.
 */
final class FunctionRewrite {
    private FunctionRewrite() {}

    /**
     * What the rewrite did.
     *
     * @param quantized ops rewritten to quantized form
     * @param int16     of those, ops with 16-bit activations
     * @param luts      lookup tables built
     * @param keptFloat compute ops left float
     */
    record Counts(int quantized, int int16, int luts, int keptFloat) {}

    static Counts apply(
            Block body,
            Map<Operation, LayerKind> plan,
            Set<Operation> wide,
            ScaleChooser.Scales scales,
            boolean perChannel) {
        ValueQuantizer vq = new ValueQuantizer(body, scales.thresholds(), scales.unsigned());
        QnnEmitter emitter = new QnnEmitter(vq, scales.weights(), scales.biases(), perChannel);
        int quantized = 0, int16 = 0, luts = 0, kept = 0;
        for (Map.Entry<Operation, LayerKind> e : plan.entrySet()) {
            Operation op = e.getKey();
            LayerKind kind = e.getValue();
            boolean sixteen = wide.contains(op);
            if (sixteen && !hasFaithfulInt16Form(op, kind)) continue; // asked for 16 bits, stays float
            // data movement of a float value stays float: quantizing it would only add a rounding
            if (kind.keepsInputType() && !vq.isQuantized(op.operand(0))) continue;
            try {
                emitter.emit(op, kind, sixteen ? 16 : 8);
            } catch (ValueQuantizer.NoStatistics x) {
                continue; // calibration never saw an input (a value computed only from constants): stays float
            }
            quantized++;
            if (sixteen) int16++;
            if (kind == LayerKind.LUT) luts++;
        }
        vq.eraseUnusedCasts();
        eraseDeadConstants(body);
        for (Operation op : body.opList()) if (isFloatCompute(op)) kept++;
        return new Counts(quantized, int16, luts, kept);
    }

    /**
     * {@return whether the op's 16-bit form computes it faithfully}: not a lookup table (it indexes 8-bit storage),
     * and not a matmul of two activations, whose 16 x 16-bit products (up to 2^30) overflow the 32-bit accumulator
     * after two terms (the digits ViT's attention matmuls at 16 bits lost more than all-8-bit did). Such an op asked
     * for 16 bits stays float.
     */
    static boolean hasFaithfulInt16Form(Operation op, LayerKind k) {
        if (k == LayerKind.LUT) return false;
        return k != LayerKind.MATMUL || Constants.of(op.operand(1)).isPresent();
    }

    private static boolean isFloatCompute(Operation op) {
        if (!op.dialectName().equals("graph") || op instanceof ConstantOp || op instanceof NoneOp) return false;
        return op.results().stream()
                .anyMatch(r -> r.type() instanceof TensorType t && t.elementType() instanceof FloatType);
    }

    private static void eraseDeadConstants(Block body) {
        List<Operation> all = body.opList();
        for (int i = all.size() - 1; i >= 0; i--) {
            Operation op = all.get(i);
            if ((op instanceof ConstantOp || op instanceof NoneOp || op.name().equals("quant.scast"))
                    && op.resultsUnused()) op.erase();
        }
    }
}
