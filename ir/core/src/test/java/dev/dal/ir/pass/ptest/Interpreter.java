package dev.dal.ir.pass.ptest;

import dev.dal.ir.Block;
import dev.dal.ir.IntegerAttr;
import dev.dal.ir.Operation;
import dev.dal.ir.Value;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a straight-line {@code ptest.func} (with {@code ptest.scope}/{@code ptest.pure_scope} regions) on i32 inputs,
 * to check that a pass keeps a program's meaning: the returned values and the trace of {@code ptest.effect} calls.
 */
public final class Interpreter {
    private final Map<Value, Integer> env = new IdentityHashMap<>();
    /** Each effect op's operands, in execution order. */
    public final List<List<Integer>> trace = new ArrayList<>();

    /** {@return the values {@code func} returns for {@code args}} */
    public List<Integer> run(PtestOps.FuncOp func, List<Integer> args) {
        Block entry = func.entry();
        for (int i = 0; i < args.size(); i++) env.put(entry.argument(i), args.get(i));
        return block(entry);
    }

    private List<Integer> block(Block b) {
        for (Operation op : b.ops()) {
            List<Integer> in = new ArrayList<>();
            for (Value v : op.operands()) {
                Integer x = env.get(v);
                if (x == null) throw new IllegalStateException("undefined operand of " + op.name());
                in.add(x);
            }
            switch (op) {
                case PtestOps.ConstantOp c ->
                    env.put(
                            c.result(0),
                            ((IntegerAttr) c.attribute("value").orElseThrow())
                                    .value()
                                    .intValue());
                case PtestOps.AddOp a -> env.put(a.result(0), in.get(0) + in.get(1));
                case PtestOps.MulOp m -> env.put(m.result(0), in.get(0) * in.get(1));
                case PtestOps.NegOp n -> env.put(n.result(0), -in.get(0));
                case PtestOps.EffectOp e -> {
                    trace.add(in);
                    for (int i = 0; i < e.numResults(); i++) env.put(e.result(i), trace.size() * 31 + i);
                }
                case PtestOps.ScopeOp s -> bind(s, block(s.body()));
                case PtestOps.PureScopeOp s -> bind(s, block(s.body()));
                case PtestOps.ReturnOp r -> {
                    return in;
                }
                case PtestOps.YieldOp y -> {
                    return in;
                }
                default -> throw new IllegalStateException("cannot interpret " + op.name());
            }
        }
        throw new IllegalStateException("block without terminator");
    }

    private void bind(Operation op, List<Integer> values) {
        for (int i = 0; i < op.numResults(); i++) env.put(op.result(i), values.get(i));
    }
}
