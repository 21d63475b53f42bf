package dev.dal.ir.print;

import dev.dal.ir.Block;
import dev.dal.ir.BlockArgument;
import dev.dal.ir.OpResult;
import dev.dal.ir.Operation;
import dev.dal.ir.Region;
import dev.dal.ir.Value;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The SSA and block names of everything under a printed op, numbered as MLIR numbers them.
 *
 * <p>A region is numbered as a whole first: per block, entry-block arguments get {@code %argN}, other block arguments
 * and op results {@code %N} (one number per op; further results are {@code %N#i}). Only then are the regions nested
 * in its ops numbered, each starting from the counters as they stood after the whole enclosing region. So sibling
 * regions reuse the same numbers, and a function body starts at {@code %0}/{@code %arg0} again.
 */
final class SsaNames {
    /** Op → number of its first result. */
    private final Map<Operation, Integer> opIds;
    /** Block argument → number; entry-block arguments are stored as {@code -(n + 1)} for {@code %argn}. */
    private final Map<BlockArgument, Integer> argIds = new IdentityHashMap<>();
    /** Block → index in its region. */
    private final Map<Block, Integer> blockIds = new IdentityHashMap<>();

    SsaNames(Operation top) {
        // Sized up front: growing an identity map of 100k ops costs more than counting them.
        opIds = new IdentityHashMap<>(Math.max(16, countOps(top)));
        int[] counters = {0, 0};
        numberOp(top, counters);
        walkRegions(top, counters[0], counters[1]);
    }

    private static int countOps(Operation op) {
        int n = 1;
        for (Region r : op.regions())
            for (Block b : r.blocks())
                for (Operation inner : b.ops()) n += inner.regions().isEmpty() ? 1 : countOps(inner);
        return n;
    }

    private void walkRegions(Operation op, int valueId, int argId) {
        for (Region r : op.regions()) numberRegion(r, valueId, argId);
    }

    private void numberRegion(Region region, int valueId, int argId) {
        int[] c = {valueId, argId};
        List<Block> blocks = region.blocks();
        for (int bi = 0; bi < blocks.size(); bi++) {
            Block b = blocks.get(bi);
            blockIds.put(b, bi);
            boolean entry = bi == 0;
            for (BlockArgument a : b.arguments()) {
                if (entry) argIds.put(a, -(c[1]++) - 1);
                else argIds.put(a, c[0]++);
            }
            for (Operation op : b.ops()) numberOp(op, c);
        }
        for (Block b : blocks) for (Operation op : b.ops()) if (!op.regions().isEmpty()) walkRegions(op, c[0], c[1]);
    }

    private void numberOp(Operation op, int[] c) {
        if (op.numResults() > 0) opIds.put(op, c[0]++);
    }

    /** Appends a value's name, or MLIR's marker for a value defined outside what is printed. */
    void append(StringBuilder sb, Value v) {
        switch (v) {
            case OpResult r -> {
                Integer id = opIds.get(r.owner());
                if (id == null) {
                    sb.append("<<UNKNOWN SSA VALUE>>");
                    return;
                }
                sb.append('%').append(id.intValue());
                if (r.owner().numResults() > 1) sb.append('#').append(r.index());
            }
            case BlockArgument a -> {
                Integer id = argIds.get(a);
                if (id == null) sb.append("<<UNKNOWN SSA VALUE>>");
                else if (id < 0) sb.append("%arg").append(-id - 1);
                else sb.append('%').append(id.intValue());
            }
        }
    }

    /** Appends the name of an op's result group ({@code %3} or {@code %3:2}), as written before {@code =}. */
    void appendResultGroup(StringBuilder sb, Operation op) {
        Integer id = opIds.get(op);
        sb.append('%').append(id == null ? -1 : id.intValue());
        if (op.numResults() > 1) sb.append(':').append(op.numResults());
    }

    /** {@return the index of a block in its region, or -1 if it is not under the printed op} */
    int blockId(Block b) {
        Integer id = blockIds.get(b);
        return id == null ? -1 : id;
    }
}
