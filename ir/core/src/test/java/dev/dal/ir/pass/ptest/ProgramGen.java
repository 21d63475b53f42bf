package dev.dal.ir.pass.ptest;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.dal.ir.Builder;
import dev.dal.ir.Value;
import java.util.ArrayList;
import java.util.List;
import org.quicktheories.core.Gen;

/**
 * Generates straight-line {@code ptest} programs as lists of small integer "instructions", decoded into a
 * {@code ptest.func @main(%a, %b)} inside a {@code ptest.module}. Shrinking the list shrinks the program.
 * Instruction {@code k}: opcode {@code k % 8} (constant, add, mul, neg, effect, scope, pure scope, duplicate of an
 * earlier add) with operands picked from the values so far by {@code k / 8}.
 */
public final class ProgramGen {
    private ProgramGen() {}

    /** {@return a generator of instruction lists} */
    public static Gen<List<Integer>> programs() {
        return lists().of(integers().between(0, 8 * 64 - 1)).ofSizeBetween(0, 40);
    }

    /** {@return the module holding {@code main} built from {@code code}} */
    public static PtestOps.ModuleOp build(List<Integer> code) {
        PtestOps.ModuleOp m = PtestOps.ModuleOp.create();
        PtestOps.FuncOp f = PtestOps.FuncOp.create(Builder.atEnd(m.body()), "main", 2);
        Builder b = Builder.atEnd(f.entry());
        List<Value> vals = new ArrayList<>(f.entry().arguments());
        emit(b, code, 0, code.size(), vals, 0);
        PtestOps.ReturnOp.create(b, vals.get(vals.size() - 1), vals.get(vals.size() / 2));
        return m;
    }

    private static void emit(Builder b, List<Integer> code, int from, int to, List<Value> vals, int depth) {
        for (int i = from; i < to; i++) {
            int k = code.get(i);
            int op = k % 8, sel = k / 8;
            Value x = vals.get(sel % vals.size());
            Value y = vals.get((sel / 3 + 1) % vals.size());
            switch (op) {
                case 0 -> vals.add(PtestOps.ConstantOp.create(b, sel % 5 - 2).result(0));
                case 1 -> vals.add(PtestOps.AddOp.create(b, x, y).result(0));
                case 2 -> vals.add(PtestOps.MulOp.create(b, x, y).result(0));
                case 3 -> vals.add(PtestOps.NegOp.create(b, x).result(0));
                case 4 -> vals.add(PtestOps.EffectOp.create(b, 1, x).result(0));
                case 5, 6 -> {
                    // A nested region over the next few instructions; its values stay inside except the result.
                    int len = depth < 2 ? Math.min(sel % 4, to - i - 1) : 0;
                    Builder inner;
                    dev.dal.ir.Operation scope;
                    if (op == 5) {
                        PtestOps.ScopeOp s = PtestOps.ScopeOp.create(b, 1);
                        inner = Builder.atEnd(s.body());
                        scope = s;
                    } else {
                        PtestOps.PureScopeOp s = PtestOps.PureScopeOp.create(b, 1);
                        inner = Builder.atEnd(s.body());
                        scope = s;
                    }
                    List<Value> innerVals = new ArrayList<>(vals);
                    // Pure scopes must stay pure: drop effect instructions from their bodies.
                    List<Integer> body = new ArrayList<>(code.subList(i + 1, i + 1 + len));
                    if (op == 6) body.replaceAll(c -> c % 8 == 4 ? c - 3 : c);
                    emit(inner, body, 0, body.size(), innerVals, depth + 1);
                    PtestOps.YieldOp.create(inner, innerVals.get(innerVals.size() - 1));
                    vals.add(scope.result(0));
                    i += len;
                }
                default ->
                    vals.add(PtestOps.AddOp.create(b, vals.get(0), vals.get(1)).result(0));
            }
        }
    }
}
