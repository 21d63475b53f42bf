package dev.dal.ir.interp;

import com.oracle.truffle.api.frame.FrameDescriptor;
import com.oracle.truffle.api.frame.FrameSlotKind;
import dev.dal.ir.ArrayAttr;
import dev.dal.ir.Block;
import dev.dal.ir.DictionaryAttr;
import dev.dal.ir.FunctionType;
import dev.dal.ir.NoneType;
import dev.dal.ir.OpResult;
import dev.dal.ir.Operation;
import dev.dal.ir.Region;
import dev.dal.ir.StringAttr;
import dev.dal.ir.SymbolRefAttr;
import dev.dal.ir.TypeAttr;
import dev.dal.ir.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;

/**
 * Runs the functions of a module on tensors. {@link #load(Operation)} turns every {@code func.func} into a Truffle
 * root node (a node per op, a frame slot per SSA value); {@link #run(String, Map, RunOptions)} calls one.
 *
 * <p>Constants ({@code graph.constant}, {@code dal.constant}) are made once and reused across runs; {@code func.call}
 * calls the callee's root; every other op must implement {@link Executable} (tensors) or {@link ValueExecutable}
 * (tensors, sequences and optionals). Dynamic dimensions take their sizes from
 * the inputs. After each op, the values it used for the last time are released, so a run's memory stays bounded by
 * the live tensors. A loaded interpreter may run concurrently from several threads.
 */
public final class Interpreter {
    private static final Map<Integer, ForkJoinPool> POOLS = new ConcurrentHashMap<>();

    /** Whether runs reuse dead tensors' arrays ({@link Buffers}; system property {@code dal.interp.reuseArrays}). */
    private static final boolean RECYCLE = Boolean.parseBoolean(System.getProperty("dal.interp.reuseArrays", "true"));

    private final Map<String, FunctionRoot> functions = new LinkedHashMap<>();
    /** Pools of runs that ended, for the next runs (one per concurrent run at most). */
    private final java.util.concurrent.ConcurrentLinkedDeque<BufferPool> pools =
            new java.util.concurrent.ConcurrentLinkedDeque<>();

    private Interpreter() {}

    /**
     * {@return an interpreter for every function of {@code module}}
     *
     * @throws InterpreterException naming the first op that cannot be executed (not {@link Executable}, not a
     *                              constant, call or terminator), or a call to an unknown function
     */
    public static Interpreter load(Operation module) {
        Interpreter in = new Interpreter();
        List<Operation> funcs = new ArrayList<>();
        if (isFunc(module)) funcs.add(module);
        else
            for (Region r : module.regions())
                for (Block b : r.blocks()) for (Operation op : b.ops()) if (isFunc(op)) funcs.add(op);
        Map<Operation, Compiler> compilers = new IdentityHashMap<>();
        for (Operation f : funcs) {
            if (f.regions().isEmpty() || f.region(0).isEmpty()) continue; // an external declaration
            String name = symName(f);
            FunctionType type = functionType(f);
            Compiler c = new Compiler(in);
            compilers.put(f, c);
            c.assignSlots(f.region(0));
            FunctionRoot root = new FunctionRoot(c.frame(), f, name, type.inputs());
            in.functions.put(name, root);
        }
        for (var e : compilers.entrySet()) {
            FunctionRoot root = in.functions.get(symName(e.getKey()));
            root.setBody(e.getValue().body(e.getKey().region(0).entry()));
        }
        return in;
    }

    private static boolean isFunc(Operation op) {
        return op.name().equals("func.func");
    }

    private static String symName(Operation f) {
        return f.attribute("sym_name")
                .filter(a -> a instanceof StringAttr)
                .map(a -> ((StringAttr) a).value())
                .orElseThrow(() -> InterpreterException.atOp(f, "has no sym_name"));
    }

    private static FunctionType functionType(Operation f) {
        return f.attribute("function_type")
                .filter(a -> a instanceof TypeAttr t && t.value() instanceof FunctionType)
                .map(a -> (FunctionType) ((TypeAttr) a).value())
                .orElseThrow(() -> InterpreterException.atOp(f, "has no function_type"));
    }

    /** {@return the names of the functions this interpreter can run, in module order} */
    public List<String> functionNames() {
        return List.copyOf(functions.keySet());
    }

    /** {@return the input names of a function: each argument's {@code onnx.name}, or its position as text} */
    public List<String> inputNames(String function) {
        return names(root(function).func, "arg_attrs", root(function).argTypes.size());
    }

    /** {@return the output names of a function: each result's {@code onnx.name}, or its position as text} */
    public List<String> outputNames(String function) {
        FunctionRoot r = root(function);
        return names(r.func, "res_attrs", functionType(r.func).results().size());
    }

    private static List<String> names(Operation f, String attr, int n) {
        List<String> out = new ArrayList<>();
        Optional<ArrayAttr> dicts =
                f.attribute(attr).filter(a -> a instanceof ArrayAttr).map(a -> (ArrayAttr) a);
        for (int i = 0; i < n; i++) {
            String name = Integer.toString(i);
            if (dicts.isPresent()
                    && i < dicts.get().elements().size()
                    && dicts.get().elements().get(i) instanceof DictionaryAttr d
                    && d.get("onnx.name").orElse(null) instanceof StringAttr s) name = s.value();
            out.add(name);
        }
        return out;
    }

    private FunctionRoot root(String function) {
        FunctionRoot r = functions.get(function);
        if (r == null)
            throw new InterpreterException(
                    dev.dal.ir.Location.unknown(),
                    "no function named @" + function + " (functions: " + String.join(", ", functions.keySet()) + ")");
        return r;
    }

    /**
     * Runs a function on tensor inputs given by name ({@code onnx.name}) or by position ({@code "0"}, {@code "1"},
     * ...).
     *
     * @return the results, in order
     * @throws InterpreterException for a missing, unknown or ill-typed input, a result that is not a tensor, or an op
     *                              that fails (naming it)
     */
    public List<Tensor> run(String function, Map<String, Tensor> inputs, RunOptions options) {
        return tensors(function, runValues(function, inputs, options));
    }

    /**
     * Runs a function on inputs of any kind (tensors, sequences, optionals) given by name or by position, as
     * {@link #run(String, Map, RunOptions)} does.
     *
     * @return the results, in order
     * @throws InterpreterException for a missing, unknown or ill-typed input, or an op that fails (naming it)
     */
    public List<RuntimeValue> runValues(
            String function, Map<String, ? extends RuntimeValue> inputs, RunOptions options) {
        FunctionRoot r = root(function);
        List<String> names = inputNames(function);
        RuntimeValue[] args = new RuntimeValue[names.size()];
        Map<String, RuntimeValue> left = new HashMap<>(inputs);
        for (int i = 0; i < args.length; i++) {
            RuntimeValue t = left.remove(names.get(i));
            RuntimeValue byPos = left.remove(Integer.toString(i));
            if (t == null) t = byPos;
            if (t == null)
                throw InterpreterException.atOp(r.func, "missing input '" + names.get(i) + "' (argument #" + i + ")");
            int k = i;
            TypeChecks.mismatch(r.argTypes.get(i), t).ifPresent(m -> {
                throw InterpreterException.atOp(r.func, "input '" + names.get(k) + "': " + m);
            });
            args[i] = t;
        }
        if (!left.isEmpty())
            throw InterpreterException.atOp(
                    r.func,
                    "unknown inputs " + new java.util.TreeSet<>(left.keySet()) + " (inputs: " + String.join(", ", names)
                            + ")");
        return runValues(function, List.of(args), options);
    }

    /** {@return the results by output name ({@link #outputNames}), in result order} */
    public Map<String, Tensor> runNamed(String function, Map<String, Tensor> inputs, RunOptions options) {
        List<Tensor> out = run(function, inputs, options);
        List<String> names = outputNames(function);
        Map<String, Tensor> m = new LinkedHashMap<>();
        for (int i = 0; i < out.size(); i++) m.put(names.get(i), out.get(i));
        return m;
    }

    /** {@return the results of a function for tensor inputs given in argument order} */
    public List<Tensor> run(String function, List<Tensor> args, RunOptions options) {
        return tensors(function, runValues(function, args, options));
    }

    /** {@return the results of a function for inputs of any kind given in argument order} */
    public List<RuntimeValue> runValues(String function, List<? extends RuntimeValue> args, RunOptions options) {
        FunctionRoot r = root(function);
        ForkJoinPool pool = POOLS.computeIfAbsent(options.threads(), ForkJoinPool::new);
        // a probe that may keep the tensors it sees stops the run from reusing arrays
        BufferPool buffers = RECYCLE && options.probes().stream().noneMatch(OpProbe::keepsTensors) ? takePool() : null;
        RunState state = new RunState(pool, options.probes(), options.checkResultTypes(), buffers);
        Object[] callArgs = {state, args.toArray(RuntimeValue[]::new)};
        BufferPool outer = Buffers.enter(buffers);
        try {
            // runs on the calling thread: kernels hand their loops to threads that are already waiting for work (see
            // the graph dialect's kernel.Parallel), so moving the whole run onto a pool thread would only add two
            // wake-ups
            return List.of((RuntimeValue[]) r.getCallTarget().call(callArgs));
        } finally {
            Buffers.enter(outer);
            if (buffers != null) {
                buffers.endRun();
                pools.offerLast(buffers);
            }
        }
    }

    /** {@return a pool no other run is using: arrays of earlier runs' dead tensors, for this run to reuse} */
    private BufferPool takePool() {
        BufferPool p = pools.pollLast();
        return p != null ? p : new BufferPool();
    }

    private List<Tensor> tensors(String function, List<RuntimeValue> values) {
        List<Tensor> out = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            if (!(values.get(i) instanceof Tensor t))
                throw InterpreterException.atOp(
                        root(function).func,
                        "result #" + i + " is a " + values.get(i).describe() + " (run it with runValues)");
            out.add(t);
        }
        return out;
    }

    /** Builds the nodes of one function: slot numbering and liveness. */
    private static final class Compiler {
        private final Interpreter in;
        private final Map<Value, Integer> slots = new IdentityHashMap<>();

        Compiler(Interpreter in) {
            this.in = in;
        }

        void assignSlots(Region r) {
            for (Block b : r.blocks()) {
                for (Value a : b.arguments()) slots.put(a, slots.size());
                for (Operation op : b.ops()) {
                    for (Value v : op.results()) slots.put(v, slots.size());
                    for (Region inner : op.regions()) assignSlots(inner);
                }
            }
        }

        /** {@return the function body's block node, whose ops give dead tensors' arrays back to the run's pool} */
        BlockNode body(Block b) {
            BlockNode node = block(b);
            int[] holders = slots.entrySet().stream()
                    .filter(e -> !(e.getKey() instanceof OpResult r && isConstant(r.owner())))
                    .mapToInt(Map.Entry::getValue)
                    .sorted()
                    .toArray();
            for (OpNode op : node.ops()) op.recycleArrays(holders);
            return node;
        }

        private static boolean isConstant(Operation op) {
            String name = op.name();
            return name.equals("graph.constant") || name.equals("dal.constant") || name.equals("graph.none");
        }

        FrameDescriptor frame() {
            var b = FrameDescriptor.newBuilder();
            b.addSlots(slots.size(), FrameSlotKind.Object);
            return b.build();
        }

        private int slot(Operation user, Value v) {
            Integer s = slots.get(v);
            if (s == null) throw InterpreterException.atOp(user, "uses a value defined outside its function");
            return s;
        }

        BlockNode block(Block b) {
            List<Operation> ops = b.opList();
            Optional<Operation> term = b.terminator().filter(Operation::isTerminator);
            int bodyEnd = term.isPresent() ? ops.size() - 1 : ops.size();
            // last use of each value inside this block, by index of the op in this block that (transitively) uses it
            Map<Value, Integer> lastUse = new IdentityHashMap<>();
            for (int i = 0; i < ops.size(); i++) {
                int at = i;
                ops.get(i).walk(o -> {
                    for (Value v : o.operands()) lastUse.put(v, at);
                });
            }
            Map<Value, Boolean> local = new IdentityHashMap<>();
            for (Value a : b.arguments()) local.put(a, true);
            for (Operation op : ops) for (Value v : op.results()) local.put(v, true);
            List<List<Integer>> frees = new ArrayList<>();
            for (int i = 0; i < ops.size(); i++) frees.add(new ArrayList<>());
            List<Integer> freeArgs = new ArrayList<>();
            for (Value v : local.keySet()) {
                Integer last = lastUse.get(v);
                if (last != null && last >= bodyEnd) continue; // the terminator returns it
                if (last == null) {
                    if (v instanceof dev.dal.ir.OpResult r) {
                        int idx = ops.indexOf(r.owner());
                        if (idx < bodyEnd) frees.get(idx).add(slots.get(v));
                    } else freeArgs.add(slots.get(v));
                } else frees.get(last).add(slots.get(v));
            }
            OpNode[] nodes = new OpNode[bodyEnd];
            for (int i = 0; i < bodyEnd; i++) nodes[i] = node(ops.get(i), toArray(frees.get(i)));
            int[] argSlots = b.arguments().stream().mapToInt(slots::get).toArray();
            int[] resultSlots = term.map(
                            t -> t.operands().stream().mapToInt(v -> slot(t, v)).toArray())
                    .orElse(new int[0]);
            return new BlockNode(argSlots, nodes, resultSlots, toArray(freeArgs));
        }

        private static int[] toArray(List<Integer> l) {
            return l.stream().mapToInt(Integer::intValue).toArray();
        }

        private OpNode node(Operation op, int[] free) {
            int[] operands = op.operands().stream().mapToInt(v -> slot(op, v)).toArray();
            int[] results = op.results().stream().mapToInt(v -> slot(op, v)).toArray();
            String name = op.name();
            if ((name.equals("graph.constant") || name.equals("dal.constant")) && op.numResults() == 1)
                return new ConstantNode(op, results, free);
            if (name.equals("graph.none")
                    || (op.numOperands() == 0
                            && op.numResults() == 1
                            && op.result(0).type() instanceof NoneType
                            && !(op instanceof Executable || op instanceof ValueExecutable)))
                return new NoneNode(op, results, free);
            if (name.equals("func.call")) {
                String callee = op.attribute("callee")
                        .filter(a -> a instanceof SymbolRefAttr)
                        .map(a -> ((SymbolRefAttr) a).leaf())
                        .orElseThrow(() -> InterpreterException.atOp(op, "has no callee"));
                FunctionRoot target = in.functions.get(callee);
                if (target == null)
                    throw InterpreterException.atOp(op, "calls @" + callee + ", which has no body in this module");
                return new CallNode(op, operands, results, free, target);
            }
            if (!(op instanceof Executable || op instanceof ValueExecutable))
                throw InterpreterException.atOp(
                        op,
                        "cannot be executed: the interpreter has no kernel for it"
                                + (op.isRegistered() ? "" : " (unregistered op)"));
            BlockNode[] regions = new BlockNode[op.regions().size()];
            for (int i = 0; i < regions.length; i++) {
                Region r = op.region(i);
                if (r.isEmpty()) continue;
                if (r.blocks().size() > 1)
                    throw InterpreterException.atOp(
                            op, "has a region with several blocks, which the interpreter " + "does not run");
                regions[i] = block(r.entry());
            }
            return new ExecOpNode(op, operands, results, free, regions);
        }
    }
}
