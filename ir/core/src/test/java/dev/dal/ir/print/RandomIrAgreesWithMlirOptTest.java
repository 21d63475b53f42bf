package dev.dal.ir.print;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dal.ir.ArrayAttr;
import dev.dal.ir.Attribute;
import dev.dal.ir.Blob;
import dev.dal.ir.Block;
import dev.dal.ir.DenseElementsAttr;
import dev.dal.ir.FloatAttr;
import dev.dal.ir.FloatType;
import dev.dal.ir.IndexType;
import dev.dal.ir.IntegerAttr;
import dev.dal.ir.IntegerType;
import dev.dal.ir.Operation;
import dev.dal.ir.OperationState;
import dev.dal.ir.Region;
import dev.dal.ir.StringAttr;
import dev.dal.ir.TensorType;
import dev.dal.ir.Type;
import dev.dal.ir.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Randomly shaped IR (nested regions, several blocks with arguments, branches, result groups, mixed attributes) printed
 * by DAL and re-printed by mlir-opt 16 must come back byte for byte: numbering, block labels, predecessor comments.
 */
class RandomIrAgreesWithMlirOptTest {
    private static final Type[] TYPES = {
        IntegerType.I32,
        IntegerType.I1,
        FloatType.F32,
        IndexType.INSTANCE,
        TensorType.of(FloatType.F32, 2, 3),
        TensorType.of(IntegerType.I8, 4)
    };

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void randomIrRoundTripsThroughMlirOptUnchanged(long seed) throws Exception {
        Random rnd = new Random(seed);
        Operation m = Ir.module();
        fill(rnd, Ir.body(m), new ArrayList<>(), 0);
        StringBuilder dal = new StringBuilder();
        new IrPrinter(PrintOptions.GENERIC).printFile(m, dal);
        MlirOpt.Result r = MlirOpt.generic(dal.toString());
        assertEquals(0, r.exitCode(), () -> r.stderr() + "\n" + dal);
        assertEquals(dal.toString(), r.stdout());
    }

    /** Appends random ops to {@code b}; {@code visible} holds the values that dominate the block's start. */
    private static void fill(Random rnd, Block b, List<Value> visible, int depth) {
        List<Value> avail = new ArrayList<>(visible);
        avail.addAll(b.arguments());
        int n = 1 + rnd.nextInt(4);
        for (int i = 0; i < n; i++) {
            OperationState s = Ir.state("dtest.op" + rnd.nextInt(5));
            int operands = avail.isEmpty() ? 0 : rnd.nextInt(Math.min(3, avail.size()) + 1);
            for (int k = 0; k < operands; k++) s.addOperand(avail.get(rnd.nextInt(avail.size())));
            int results = rnd.nextInt(4) == 0 ? 2 + rnd.nextInt(2) : rnd.nextInt(2);
            for (int k = 0; k < results; k++) s.addResultType(TYPES[rnd.nextInt(TYPES.length)]);
            int attrs = rnd.nextInt(3);
            for (int k = 0; k < attrs; k++) s.addAttribute("a" + k, attr(rnd));
            int regions = depth < 2 && rnd.nextInt(3) == 0 ? 1 + rnd.nextInt(2) : 0;
            List<Region> rs = new ArrayList<>();
            for (int k = 0; k < regions; k++) rs.add(s.addRegion());
            Operation op = Operation.create(s);
            b.append(op);
            for (Region r : rs) region(rnd, r, avail, depth + 1);
            avail.addAll(op.results());
        }
    }

    private static void region(Random rnd, Region r, List<Value> visible, int depth) {
        int blocks = rnd.nextInt(3) + (rnd.nextInt(4) == 0 ? 0 : 1);
        List<Block> bs = new ArrayList<>();
        for (int i = 0; i < blocks; i++) {
            Block blk = r.addBlock();
            int args = rnd.nextInt(3);
            for (int k = 0; k < args; k++)
                blk.addArgument(TYPES[rnd.nextInt(TYPES.length)], dev.dal.ir.Location.unknown());
            bs.add(blk);
        }
        for (Block blk : bs) {
            if (rnd.nextInt(5) > 0) fill(rnd, blk, visible, depth);
            if (bs.size() > 1) {
                OperationState br = Ir.state("dtest.br");
                int succ = 1 + rnd.nextInt(2);
                for (int k = 0; k < succ; k++) br.addSuccessor(bs.get(1 + rnd.nextInt(bs.size() - 1)));
                blk.append(Operation.create(br));
            }
        }
    }

    private static Attribute attr(Random rnd) {
        return switch (rnd.nextInt(6)) {
            case 0 -> IntegerAttr.of(rnd.nextInt(1000) - 500, IntegerType.I32);
            case 1 -> FloatAttr.of(rnd.nextGaussian(), FloatType.F32);
            case 2 -> StringAttr.of("s" + rnd.nextInt(100));
            case 3 -> ArrayAttr.of(IntegerAttr.i64(rnd.nextInt(9)), FloatAttr.of(rnd.nextDouble(), FloatType.F64));
            case 4 -> {
                byte[] data = new byte[4 * 6];
                for (int i = 0; i < data.length; i += 4) data[i + 3] = (byte) (0x3F + rnd.nextInt(2));
                yield new DenseElementsAttr(TensorType.of(FloatType.F32, 2, 3), Blob.wrap(data), false);
            }
            default -> FloatAttr.of(rnd.nextDouble() * 1e6, FloatType.F64);
        };
    }
}
