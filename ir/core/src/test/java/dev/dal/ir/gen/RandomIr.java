package dev.dal.ir.gen;

import dev.dal.ir.ArrayAttr;
import dev.dal.ir.Attribute;
import dev.dal.ir.Blob;
import dev.dal.ir.Block;
import dev.dal.ir.BoolAttr;
import dev.dal.ir.ComplexType;
import dev.dal.ir.DenseArrayAttr;
import dev.dal.ir.DenseElementsAttr;
import dev.dal.ir.DenseResourceAttr;
import dev.dal.ir.DictionaryAttr;
import dev.dal.ir.FloatAttr;
import dev.dal.ir.FloatBits;
import dev.dal.ir.FloatType;
import dev.dal.ir.FunctionType;
import dev.dal.ir.IndexType;
import dev.dal.ir.IntegerAttr;
import dev.dal.ir.IntegerType;
import dev.dal.ir.Location;
import dev.dal.ir.NamedAttribute;
import dev.dal.ir.NoneType;
import dev.dal.ir.OpaqueType;
import dev.dal.ir.Operation;
import dev.dal.ir.OperationState;
import dev.dal.ir.Region;
import dev.dal.ir.ResourceHandle;
import dev.dal.ir.ShapedType;
import dev.dal.ir.StringAttr;
import dev.dal.ir.SymbolRefAttr;
import dev.dal.ir.TensorType;
import dev.dal.ir.TupleType;
import dev.dal.ir.Type;
import dev.dal.ir.TypeAttr;
import dev.dal.ir.UnitAttr;
import dev.dal.ir.UnrankedTensorType;
import dev.dal.ir.Value;
import dev.dal.ir.VectorType;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Builds random well-formed IR from a seed and a size: ops of an unregistered dialect ({@code rnd.*}) with random
 * types, attributes of every kind (blobs included), nested regions, block arguments and successors. The same seed
 * and size always give the same IR, so QuickTheories can shrink the pair.
 */
public final class RandomIr {
    private final SplittableRandom rnd;
    private final int size;
    private int resourceCount;

    private RandomIr(long seed, int size) {
        this.rnd = new SplittableRandom(seed);
        this.size = size;
    }

    /** {@return a {@code builtin.module} holding about {@code size} random ops} */
    public static Operation module(long seed, int size) {
        return new RandomIr(seed, size).buildModule();
    }

    private Operation buildModule() {
        OperationState st = new OperationState("builtin.module", Location.unknown());
        Region r = st.addRegion();
        Block body = r.addBlock();
        int funcs = 1 + rnd.nextInt(Math.max(1, size / 10) + 1);
        for (int f = 0; f < funcs; f++) body.append(buildFunc("f" + f));
        return Operation.create(st);
    }

    private Operation buildFunc(String name) {
        List<Type> ins = new ArrayList<>();
        for (int i = rnd.nextInt(3); i > 0; i--) ins.add(type(2));
        OperationState st = new OperationState("func.func", Location.unknown());
        Type res = type(2);
        st.addAttribute("sym_name", StringAttr.of(name));
        st.addAttribute("function_type", new TypeAttr(new FunctionType(ins, List.of(res))));
        Block entry = st.addRegion().addBlock();
        List<Value> scope = new ArrayList<>();
        for (Type t : ins) scope.add(entry.addArgument(t, Location.unknown()));
        fillBlock(entry, scope, size, 2);
        OperationState ret = new OperationState("func.return", Location.unknown());
        ret.addOperand(anyValueOrNew(entry, scope, res));
        entry.append(Operation.create(ret));
        return Operation.create(st);
    }

    private Value anyValueOrNew(Block b, List<Value> scope, Type t) {
        for (Value v : scope) if (v.type().equals(t)) return v;
        OperationState st = new OperationState("rnd.make", location());
        st.addResultType(t);
        Operation op = Operation.create(st);
        b.append(op);
        return op.result(0);
    }

    private void fillBlock(Block b, List<Value> scope, int budget, int depth) {
        int n = 1 + rnd.nextInt(Math.max(1, budget));
        for (int i = 0; i < n; i++) {
            OperationState st = new OperationState("rnd.op" + rnd.nextInt(4), location());
            int nOps = scope.isEmpty() ? 0 : rnd.nextInt(Math.min(3, scope.size()) + 1);
            for (int k = 0; k < nOps; k++) st.addOperand(scope.get(rnd.nextInt(scope.size())));
            for (int k = rnd.nextInt(3); k > 0; k--) st.addResultType(type(2));
            for (int k = rnd.nextInt(3); k > 0; k--) st.addAttribute("a" + rnd.nextInt(100), attribute(2));
            if (depth > 0 && rnd.nextInt(5) == 0) {
                Region r = st.addRegion();
                int blocks = 1 + rnd.nextInt(2);
                List<Block> made = new ArrayList<>();
                for (int k = 0; k < blocks; k++) made.add(r.addBlock());
                for (int k = 0; k < blocks; k++) {
                    Block nb = made.get(k);
                    List<Value> inner = new ArrayList<>(scope);
                    for (int a = rnd.nextInt(3); a > 0; a--) inner.add(nb.addArgument(type(1), location()));
                    fillBlock(nb, inner, budget / 3, depth - 1);
                    OperationState term = new OperationState("rnd.term", location());
                    if (k + 1 < blocks) {
                        Block target = made.get(k + 1);
                        term.addSuccessor(target);
                    }
                    nb.append(Operation.create(term));
                }
            }
            Operation op = Operation.create(st);
            b.append(op);
            scope.addAll(op.results());
        }
    }

    private Location location() {
        return switch (rnd.nextInt(4)) {
            case 0 -> Location.unknown();
            case 1 -> Location.name("n" + rnd.nextInt(50));
            case 2 -> Location.file("f" + rnd.nextInt(3) + ".onnx", 1 + rnd.nextInt(100), 1 + rnd.nextInt(80));
            default -> Location.fuse(List.of(Location.name("a" + rnd.nextInt(9)), Location.name("b" + rnd.nextInt(9))));
        };
    }

    private Type scalar() {
        return switch (rnd.nextInt(7)) {
            case 0 -> IntegerType.signless(new int[] {1, 8, 16, 32, 64}[rnd.nextInt(5)]);
            case 1 -> new IntegerType(1 + rnd.nextInt(64), IntegerType.Signedness.values()[rnd.nextInt(3)]);
            case 2 -> FloatType.F32;
            case 3 ->
                new FloatType(new FloatType.Kind[] {FloatType.Kind.F16, FloatType.Kind.BF16, FloatType.Kind.F64}
                        [rnd.nextInt(3)]);
            case 4 -> IndexType.INSTANCE;
            case 5 -> FloatType.F32;
            default -> IntegerType.I32;
        };
    }

    private Type type(int depth) {
        int k = rnd.nextInt(depth > 0 ? 10 : 4);
        return switch (k) {
            case 0, 1, 2, 3 -> scalar();
            case 4, 5 -> new TensorType(shape(), scalar(), Optional.empty());
            case 6 -> new UnrankedTensorType(scalar());
            case 7 -> new VectorType(List.of(1L + rnd.nextInt(8)), List.of(false), FloatType.F32);
            case 8 ->
                rnd.nextBoolean()
                        ? new ComplexType(FloatType.F32)
                        : new TupleType(List.of(type(depth - 1), type(depth - 1)));
            default ->
                switch (rnd.nextInt(3)) {
                    case 0 ->
                        new OpaqueType(
                                "quant",
                                "uniform<i8:f32, " + (1 + rnd.nextInt(99)) + ".0e-02:" + (rnd.nextInt(20) - 10) + ">");
                    case 1 -> new FunctionType(List.of(scalar()), List.of(scalar()));
                    default -> NoneType.INSTANCE;
                };
        };
    }

    private List<Long> shape() {
        List<Long> s = new ArrayList<>();
        for (int r = rnd.nextInt(4); r > 0; r--)
            s.add(rnd.nextInt(6) == 0 ? ShapedType.DYNAMIC : (long) rnd.nextInt(5));
        return s;
    }

    private Attribute attribute(int depth) {
        int k = rnd.nextInt(depth > 0 ? 14 : 9);
        return switch (k) {
            case 0 -> new IntegerAttr(BigInteger.valueOf(rnd.nextLong()).shiftRight(rnd.nextInt(63)), IntegerType.I64);
            case 1 -> IntegerAttr.of(rnd.nextInt(256) - 128, IntegerType.I8);
            case 2 -> floatAttr();
            case 3 -> StringAttr.of(randomString());
            case 4 -> BoolAttr.of(rnd.nextBoolean());
            case 5 -> UnitAttr.INSTANCE;
            case 6 -> new TypeAttr(type(1));
            case 7 -> SymbolRefAttr.of("sym" + rnd.nextInt(9));
            case 8 -> DenseArrayAttr.i64(rnd.longs(rnd.nextInt(5), -100, 100).toArray());
            case 9 -> new ArrayAttr(List.of(attribute(depth - 1), attribute(depth - 1)));
            case 10 -> new DictionaryAttr(List.of(new NamedAttribute("k" + rnd.nextInt(5), attribute(depth - 1))));
            case 11, 12 -> denseElements(k == 12);
            default -> denseResource();
        };
    }

    private FloatAttr floatAttr() {
        double v = switch (rnd.nextInt(5)) {
            case 0 -> rnd.nextDouble();
            case 1 -> rnd.nextInt(1000) - 500;
            case 2 -> Math.scalb(rnd.nextDouble(), rnd.nextInt(200) - 100);
            case 3 ->
                new double[] {0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}
                        [rnd.nextInt(5)];
            default -> 0.1;
        };
        FloatType t = rnd.nextBoolean() ? FloatType.F32 : FloatType.F64;
        return new FloatAttr(FloatBits.fromDouble(v, t.kind()), t);
    }

    private String randomString() {
        StringBuilder sb = new StringBuilder();
        String alphabet = "abcXYZ019 _-.\"\\\n\t/{}";
        for (int i = rnd.nextInt(8); i > 0; i--) sb.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
        return sb.toString();
    }

    private DenseElementsAttr denseElements(boolean big) {
        long n = big ? 101 + rnd.nextInt(60) : 1 + rnd.nextInt(6);
        boolean isFloat = rnd.nextBoolean();
        TensorType t = TensorType.of(isFloat ? FloatType.F32 : IntegerType.I32, n);
        boolean splat = !big && rnd.nextInt(3) == 0;
        ByteBuffer b = ByteBuffer.allocate((int) (splat ? 4 : 4 * n)).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        while (b.hasRemaining())
            if (isFloat) b.putFloat((float) (rnd.nextInt(2000) - 1000) / 8);
            else b.putInt(rnd.nextInt());
        return new DenseElementsAttr(t, Blob.wrap(b.flip(), 1), splat);
    }

    private DenseResourceAttr denseResource() {
        int n = 1 + rnd.nextInt(16);
        byte[] data = new byte[4 * n];
        rnd.nextBytes(data);
        return new DenseResourceAttr(
                TensorType.of(FloatType.F32, n),
                ResourceHandle.of("blob_" + resourceCount++, Blob.wrap(ByteBuffer.wrap(data), 4)));
    }
}
