package dev.dal.ir.pass.ptest;

import dev.dal.ir.Attribute;
import dev.dal.ir.Block;
import dev.dal.ir.Builder;
import dev.dal.ir.FoldResult;
import dev.dal.ir.Foldable;
import dev.dal.ir.HasCanonicalizationPatterns;
import dev.dal.ir.IntegerAttr;
import dev.dal.ir.IntegerType;
import dev.dal.ir.Location;
import dev.dal.ir.Operation;
import dev.dal.ir.OperationState;
import dev.dal.ir.StringAttr;
import dev.dal.ir.Type;
import dev.dal.ir.Value;
import dev.dal.ir.diag.Diagnostic;
import dev.dal.ir.diag.DiagnosticEngine;
import dev.dal.ir.rewrite.Match;
import dev.dal.ir.rewrite.OpPattern;
import dev.dal.ir.rewrite.RewritePattern;
import dev.dal.ir.rewrite.Rewriter;
import dev.dal.ir.trait.Commutative;
import dev.dal.ir.trait.ConstantLike;
import dev.dal.ir.trait.IsolatedFromAbove;
import dev.dal.ir.trait.NoTerminator;
import dev.dal.ir.trait.Pure;
import dev.dal.ir.trait.ReturnLike;
import dev.dal.ir.trait.Symbol;
import dev.dal.ir.trait.SymbolTable;
import dev.dal.ir.trait.Terminator;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/**
 * Hand-written ops of the test-only {@code ptest} dialect (the op generator is written in parallel), shaped like
 * generated ones: typed views over {@link Operation} with traits as marker interfaces. All values are {@code i32}.
 */
public final class PtestOps {
    private PtestOps() {}

    /** The one value type of these tests. */
    public static final Type I32 = IntegerType.I32;

    static Optional<BigInteger> intValue(Optional<Attribute> a) {
        return a.flatMap(x -> x instanceof IntegerAttr i ? Optional.of(i.value()) : Optional.empty());
    }

    /** Wraps to 32 bits, as i32 arithmetic does. */
    static IntegerAttr i32(BigInteger v) {
        return IntegerAttr.of(v.intValue(), I32);
    }

    /** {@code ptest.constant {value = N : i32} : i32}. */
    public static final class ConstantOp extends Operation implements Pure, ConstantLike {
        public ConstantOp(OperationState s) {
            super(s);
        }

        public static ConstantOp create(Builder b, long value) {
            OperationState s = new OperationState("ptest.constant", Location.unknown());
            s.addAttribute("value", IntegerAttr.of(value, I32)).addResultType(I32);
            return (ConstantOp) b.create(s);
        }

        public long value() {
            return ((IntegerAttr) attribute("value").orElseThrow()).longValue();
        }

        @Override
        public boolean verifyInvariants(DiagnosticEngine diag) {
            if (attribute("value").isEmpty()) {
                diag.report(Diagnostic.opError(this, "requires attribute 'value'"));
                return false;
            }
            return true;
        }
    }

    /** {@code ptest.add %a, %b}: folds constants and {@code x + 0}. */
    public static final class AddOp extends Operation implements Pure, Commutative, Foldable {
        public AddOp(OperationState s) {
            super(s);
        }

        public static AddOp create(Builder b, Value x, Value y) {
            return (AddOp) b.create(new OperationState("ptest.add", Location.unknown())
                    .addOperand(x)
                    .addOperand(y)
                    .addResultType(I32));
        }

        @Override
        public Optional<List<FoldResult>> fold(List<Optional<Attribute>> c) {
            Optional<BigInteger> a = intValue(c.get(0)), b = intValue(c.get(1));
            if (a.isPresent() && b.isPresent())
                return Optional.of(List.of(new FoldResult.Constant(i32(a.get().add(b.get())))));
            if (b.isPresent() && b.get().signum() == 0)
                return Optional.of(List.of(new FoldResult.Existing(operand(0))));
            if (a.isPresent() && a.get().signum() == 0)
                return Optional.of(List.of(new FoldResult.Existing(operand(1))));
            return Optional.empty();
        }
    }

    /** {@code ptest.mul %a, %b}: folds constants and {@code x * 1}. */
    public static final class MulOp extends Operation implements Pure, Foldable {
        public MulOp(OperationState s) {
            super(s);
        }

        public static MulOp create(Builder b, Value x, Value y) {
            return (MulOp) b.create(new OperationState("ptest.mul", Location.unknown())
                    .addOperand(x)
                    .addOperand(y)
                    .addResultType(I32));
        }

        @Override
        public Optional<List<FoldResult>> fold(List<Optional<Attribute>> c) {
            Optional<BigInteger> a = intValue(c.get(0)), b = intValue(c.get(1));
            if (a.isPresent() && b.isPresent())
                return Optional.of(List.of(new FoldResult.Constant(i32(a.get().multiply(b.get())))));
            if (b.isPresent() && b.get().equals(BigInteger.ONE))
                return Optional.of(List.of(new FoldResult.Existing(operand(0))));
            return Optional.empty();
        }
    }

    /** {@code ptest.neg %a}: folds a constant; canonicalizes {@code neg(neg(x)) -> x}. */
    public static final class NegOp extends Operation implements Pure, Foldable, HasCanonicalizationPatterns {
        public NegOp(OperationState s) {
            super(s);
        }

        public static NegOp create(Builder b, Value x) {
            return (NegOp) b.create(new OperationState("ptest.neg", Location.unknown())
                    .addOperand(x)
                    .addResultType(I32));
        }

        @Override
        public Optional<List<FoldResult>> fold(List<Optional<Attribute>> c) {
            return intValue(c.get(0)).map(v -> List.of(new FoldResult.Constant(i32(v.negate()))));
        }

        @Override
        public List<RewritePattern> canonicalizationPatterns() {
            return List.of(new DoubleNeg());
        }
    }

    /** {@code neg(neg(x)) -> x}. */
    public static final class DoubleNeg extends OpPattern<NegOp> {
        public DoubleNeg() {
            super(NegOp.class, 1);
        }

        @Override
        public Match apply(NegOp op, Rewriter rw) {
            if (!(op.operand(0) instanceof dev.dal.ir.OpResult r && r.owner() instanceof NegOp inner))
                return rw.noMatch(op, "operand is not produced by ptest.neg");
            rw.replaceOp(op, inner.operand(0));
            return Match.APPLIED;
        }
    }

    /** {@code ptest.effect %a...} with results: has side effects, so it is never erased nor CSE'd. */
    public static final class EffectOp extends Operation {
        public EffectOp(OperationState s) {
            super(s);
        }

        public static EffectOp create(Builder b, int numResults, Value... operands) {
            OperationState s = new OperationState("ptest.effect", Location.unknown());
            for (Value v : operands) s.addOperand(v);
            for (int i = 0; i < numResults; i++) s.addResultType(I32);
            return (EffectOp) b.create(s);
        }
    }

    /** {@code ptest.module}: a symbol table with one block and no terminator. */
    public static final class ModuleOp extends Operation implements IsolatedFromAbove, NoTerminator, SymbolTable {
        public ModuleOp(OperationState s) {
            super(s);
        }

        public static ModuleOp create() {
            OperationState s = new OperationState("ptest.module", Location.unknown());
            s.addRegion().addBlock();
            return (ModuleOp) Operation.create(s);
        }

        public Block body() {
            return region(0).entry();
        }
    }

    /** {@code ptest.func @name}: an isolated symbol with one region whose entry block takes the arguments. */
    public static final class FuncOp extends Operation implements IsolatedFromAbove, Symbol {
        public FuncOp(OperationState s) {
            super(s);
        }

        public static FuncOp create(Builder b, String name, int numArgs) {
            OperationState s = new OperationState("ptest.func", Location.name(name));
            s.addAttribute("sym_name", StringAttr.of(name));
            Block entry = s.addRegion().addBlock();
            for (int i = 0; i < numArgs; i++) entry.addArgument(I32, Location.unknown());
            return (FuncOp) b.create(s);
        }

        public Block entry() {
            return region(0).entry();
        }
    }

    /** {@code ptest.scope}: a region that sees the values around it, yielding results (not pure). */
    public static final class ScopeOp extends Operation {
        public ScopeOp(OperationState s) {
            super(s);
        }

        public static ScopeOp create(Builder b, int numResults) {
            OperationState s = new OperationState("ptest.scope", Location.unknown());
            s.addRegion().addBlock();
            for (int i = 0; i < numResults; i++) s.addResultType(I32);
            return (ScopeOp) b.create(s);
        }

        public Block body() {
            return region(0).entry();
        }
    }

    /** {@code ptest.pure_scope}: like {@code ptest.scope} but pure (removable when unused). */
    public static final class PureScopeOp extends Operation implements Pure {
        public PureScopeOp(OperationState s) {
            super(s);
        }

        public static PureScopeOp create(Builder b, int numResults) {
            OperationState s = new OperationState("ptest.pure_scope", Location.unknown());
            s.addRegion().addBlock();
            for (int i = 0; i < numResults; i++) s.addResultType(I32);
            return (PureScopeOp) b.create(s);
        }

        public Block body() {
            return region(0).entry();
        }
    }

    /** {@code ptest.return %a...}: ends a function. */
    public static final class ReturnOp extends Operation implements Terminator, ReturnLike, Pure {
        public ReturnOp(OperationState s) {
            super(s);
        }

        public static ReturnOp create(Builder b, Value... operands) {
            OperationState s = new OperationState("ptest.return", Location.unknown());
            for (Value v : operands) s.addOperand(v);
            return (ReturnOp) b.create(s);
        }
    }

    /** {@code ptest.yield %a...}: ends a scope. */
    public static final class YieldOp extends Operation implements Terminator, ReturnLike, Pure {
        public YieldOp(OperationState s) {
            super(s);
        }

        public static YieldOp create(Builder b, Value... operands) {
            OperationState s = new OperationState("ptest.yield", Location.unknown());
            for (Value v : operands) s.addOperand(v);
            return (YieldOp) b.create(s);
        }
    }

    /** {@code ptest.br ^dest(%args...)}. */
    public static final class BrOp extends Operation implements Terminator, Pure {
        public BrOp(OperationState s) {
            super(s);
        }

        public static BrOp create(Builder b, Block dest, Value... args) {
            OperationState s = new OperationState("ptest.br", Location.unknown()).addSuccessor(dest);
            for (Value v : args) s.addOperand(v);
            return (BrOp) b.create(s);
        }
    }

    /** {@code ptest.cond_br %c, ^then, ^else}. */
    public static final class CondBrOp extends Operation implements Terminator, Pure {
        public CondBrOp(OperationState s) {
            super(s);
        }

        public static CondBrOp create(Builder b, Value cond, Block then, Block otherwise) {
            return (CondBrOp) b.create(new OperationState("ptest.cond_br", Location.unknown())
                    .addOperand(cond)
                    .addSuccessor(then)
                    .addSuccessor(otherwise));
        }
    }
}
