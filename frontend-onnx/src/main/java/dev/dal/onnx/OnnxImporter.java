package dev.dal.onnx;

import dev.dal.ir.ArrayAttr;
import dev.dal.ir.Attribute;
import dev.dal.ir.Block;
import dev.dal.ir.DenseArrayAttr;
import dev.dal.ir.DictionaryAttr;
import dev.dal.ir.FloatAttr;
import dev.dal.ir.FloatBits;
import dev.dal.ir.FloatType;
import dev.dal.ir.FunctionType;
import dev.dal.ir.IntegerAttr;
import dev.dal.ir.IntegerType;
import dev.dal.ir.Location;
import dev.dal.ir.NamedAttribute;
import dev.dal.ir.NoneType;
import dev.dal.ir.Operation;
import dev.dal.ir.OperationState;
import dev.dal.ir.Region;
import dev.dal.ir.ShapeInferable;
import dev.dal.ir.ShapedType;
import dev.dal.ir.StringAttr;
import dev.dal.ir.TensorType;
import dev.dal.ir.Type;
import dev.dal.ir.TypeAttr;
import dev.dal.ir.UnrankedTensorType;
import dev.dal.ir.Value;
import dev.dal.onnx.proto.Onnx.AttributeProto;
import dev.dal.onnx.proto.Onnx.GraphProto;
import dev.dal.onnx.proto.Onnx.ModelProto;
import dev.dal.onnx.proto.Onnx.NodeProto;
import dev.dal.onnx.proto.Onnx.OperatorSetIdProto;
import dev.dal.onnx.proto.Onnx.TensorProto;
import dev.dal.onnx.proto.Onnx.ValueInfoProto;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * ONNX {@code ModelProto} to {@code graph} dialect IR, following docs/graph-conventions.md: a {@code builtin.module}
 * holding one {@code func.func}. Ops are created by name, so this works whether or not the {@code graph} dialect is
 * registered. Older opsets are normalised to the newest op forms (see {@link #NORMALISED}).
 */
public final class OnnxImporter {
    /** The lowest default-domain opset accepted; opsets below 7 are first brought to their opset 7 form. */
    public static final int MIN_OPSET = 1;
    /** The highest default-domain opset accepted; the IR holds ops in this opset's form. */
    public static final int MAX_OPSET = 18;
    /** Tensors with more data bytes than this become {@code dense_resource} blobs instead of inline dense elements. */
    public static final int DENSE_LIMIT_BYTES = 256;

    /**
     * The opset normalisations applied on import, one line each (documentation and test reference).
     */
    public static final List<String> NORMALISED = List.of(
            "Slice < 10: attributes starts/ends/axes become i64 constant operands",
            "Split < 13: attribute split becomes an i64 constant operand; Split < 18 without split gets num_outputs",
            "Squeeze/Unsqueeze < 13: attribute axes becomes an i64 constant operand",
            "ReduceSum < 13, other Reduce* < 18: attribute axes becomes an i64 constant operand",
            "Pad < 11: attributes pads/value become constant operands",
            "Clip < 11: attributes min/max become scalar constant operands",
            "Upsample < 9: attribute scales becomes an f32 constant operand",
            "Resize 10: (X, scales) becomes (X, none, scales, none) with asymmetric coordinates and floor rounding",
            "Dropout < 12: attribute ratio becomes a scalar constant operand; is_test is dropped",
            "BatchNormalization < 9: spatial (1) and is_test are dropped",
            "TopK < 10: attribute k becomes an i64 constant operand",
            "Softmax/LogSoftmax < 13: the 2-D coercion becomes Flatten + op + Reshape unless axis is the last one",
            "Constant: value_float(s)/value_int(s)/value_string(s) become a value tensor",
            "opsets 1 to 6: first brought to their opset 7 form (LegacyForms.RULES)");

    /**
     * Import options.
     *
     * @param allowUnknownOps import operators outside the supported list as {@code graph.custom} instead of failing
     */
    public record Options(boolean allowUnknownOps) {
        /** Unknown operators are an error. */
        public static final Options DEFAULT = new Options(false);
    }

    private final String fileName;
    private final Options options;
    private final TensorReader tensors;
    private long opset;
    private Block funcEntry;
    private Value none;

    private OnnxImporter(String fileName, Optional<Path> baseDir, Optional<ByteBuffer> self, Options options) {
        this.fileName = fileName;
        this.options = options;
        this.tensors = new TensorReader(fileName, baseDir, self);
    }

    /**
     * Reads and imports an ONNX file (memory-mapped; large tensors stay in the mapping).
     *
     * @throws OnnxException on unreadable files and invalid or unsupported models
     */
    public static Operation importFile(Path file, Options options) throws OnnxException {
        ModelFile.Mapped m = ModelFile.read(file);
        Path dir = file.toAbsolutePath().getParent();
        return new OnnxImporter(file.toString(), Optional.ofNullable(dir), Optional.of(m.file()), options)
                .run(m.model());
    }

    /**
     * Imports a parsed model.
     *
     * @param fileName the name errors start with
     * @param baseDir the folder external data locations are relative to
     * @throws OnnxException on invalid or unsupported models
     */
    public static Operation importModel(ModelProto model, String fileName, Optional<Path> baseDir, Options options)
            throws OnnxException {
        return new OnnxImporter(fileName, baseDir, Optional.empty(), options).run(model);
    }

    private OnnxException error(String msg) {
        return new OnnxException(fileName + ": error: " + msg);
    }

    // ---- model ------------------------------------------------------------------------------------------------

    private Operation run(ModelProto m) throws OnnxException {
        Map<String, Long> opsets = new TreeMap<>();
        for (OperatorSetIdProto o : m.getOpsetImportList()) opsets.put(o.getDomain(), o.getVersion());
        Long def = opsets.containsKey("") ? opsets.get("") : opsets.get("ai.onnx");
        if (def == null) throw error("the model imports no opset of the default domain (ai.onnx)");
        if (def < MIN_OPSET || def > MAX_OPSET)
            throw error("unsupported opset " + def + " of the default domain (ai.onnx); supported: " + MIN_OPSET
                    + " to " + MAX_OPSET);
        opset = def;
        GraphProto g = m.getGraph();
        checkKnownOps(g);

        OperationState ms = new OperationState("builtin.module", Location.unknown());
        Block mb = ms.addRegion().addBlock();
        List<NamedAttribute> opsetEntries = new ArrayList<>();
        // the default domain is keyed "ai.onnx": MLIR's syntax (and DAL's parser) reject an empty attribute name
        for (var e : opsets.entrySet())
            opsetEntries.add(
                    new NamedAttribute(e.getKey().isEmpty() ? "ai.onnx" : e.getKey(), IntegerAttr.i64(e.getValue())));
        ms.addAttribute("onnx.opset_import", new DictionaryAttr(opsetEntries));
        ms.addAttribute("onnx.ir_version", IntegerAttr.i64(m.getIrVersion()));
        if (!m.getProducerName().isEmpty()) ms.addAttribute("onnx.producer", StringAttr.of(m.getProducerName()));
        if (!m.getProducerVersion().isEmpty())
            ms.addAttribute("onnx.producer_version", StringAttr.of(m.getProducerVersion()));
        mb.append(importMain(g));
        return Operation.create(ms);
    }

    /** Fails listing every operator outside the supported list, unless they are allowed. */
    private void checkKnownOps(GraphProto g) throws OnnxException {
        Map<String, List<String>> unknown = new TreeMap<>();
        collectUnknown(g, unknown);
        if (unknown.isEmpty() || options.allowUnknownOps()) return;
        StringBuilder sb = new StringBuilder(
                "unsupported operators (use --allow-unknown-ops to import them as " + "graph.custom):");
        for (var e : unknown.entrySet())
            sb.append("\n  ")
                    .append(e.getKey())
                    .append(" x")
                    .append(e.getValue().size())
                    .append(": ")
                    .append(String.join(", ", e.getValue()));
        throw error(sb.toString());
    }

    private void collectUnknown(GraphProto g, Map<String, List<String>> unknown) {
        for (int i = 0; i < g.getNodeCount(); i++) {
            NodeProto n = g.getNode(i);
            if (!OnnxOps.isDefaultDomain(n.getDomain()) || !OnnxOps.isSupported(n.getOpType())) {
                String key = n.getDomain().isEmpty() ? n.getOpType() : n.getDomain() + "." + n.getOpType();
                unknown.computeIfAbsent(key, k -> new ArrayList<>()).add("'" + nodeName(n, i) + "'");
            }
            for (AttributeProto a : n.getAttributeList()) {
                if (a.hasG()) collectUnknown(a.getG(), unknown);
                for (GraphProto sg : a.getGraphsList()) collectUnknown(sg, unknown);
            }
        }
    }

    private static String nodeName(NodeProto n, int index) {
        return n.getName().isEmpty() ? n.getOpType() + "_" + index : n.getName();
    }

    private static String describe(NodeProto n, int index) {
        return "node '" + nodeName(n, index) + "' (" + n.getOpType() + ")";
    }

    // ---- graphs ------------------------------------------------------------------------------------------------

    /** Value names visible in a graph: its own and, for subgraphs, the enclosing graphs'. */
    private static final class Scope {
        final Map<String, Value> values = new HashMap<>();
        final Optional<Scope> parent;

        Scope(Optional<Scope> parent) {
            this.parent = parent;
        }

        Optional<Value> lookup(String name) {
            Value v = values.get(name);
            if (v != null) return Optional.of(v);
            return parent.flatMap(p -> p.lookup(name));
        }
    }

    private Operation importMain(GraphProto g) throws OnnxException {
        String name = g.getName().isEmpty() ? "main_graph" : g.getName();
        Map<String, Type> declared = declaredTypes(g);
        Set<String> initNames = new HashSet<>();
        for (TensorProto t : g.getInitializerList()) initNames.add(t.getName());

        OperationState fs = new OperationState("func.func", Location.name(name));
        Region body = fs.addRegion();
        Block entry = body.addBlock();
        funcEntry = entry;
        none = null;
        Scope scope = new Scope(Optional.empty());
        List<Type> argTypes = new ArrayList<>();
        List<Attribute> argAttrs = new ArrayList<>();
        for (ValueInfoProto in : g.getInputList()) {
            if (initNames.contains(in.getName())) continue;
            Type t = OnnxTypes.valueType(in.getType())
                    .orElseThrow(() -> error("graph input '" + in.getName() + "' has no tensor type DAL supports"));
            Value v = entry.addArgument(t, Location.name(in.getName()));
            scope.values.put(in.getName(), v);
            argTypes.add(t);
            argAttrs.add(nameDict(in.getName()));
        }
        importBody(g, entry, scope, declared);
        List<Value> results = new ArrayList<>();
        List<Attribute> resAttrs = new ArrayList<>();
        for (ValueInfoProto out : g.getOutputList()) {
            Value v = scope.lookup(out.getName())
                    .orElseThrow(() -> error("graph output '" + out.getName()
                            + "' is not defined by any node, initializer or " + "input"));
            results.add(v);
            resAttrs.add(nameDict(out.getName()));
        }
        OperationState rs = new OperationState("func.return", Location.unknown());
        rs.addOperands(results);
        entry.append(Operation.create(rs));
        fs.addAttribute("sym_name", StringAttr.of(name));
        fs.addAttribute(
                "function_type",
                new TypeAttr(new FunctionType(
                        argTypes, results.stream().map(Value::type).toList())));
        fs.addAttribute("arg_attrs", new ArrayAttr(argAttrs));
        fs.addAttribute("res_attrs", new ArrayAttr(resAttrs));
        return Operation.create(fs);
    }

    private static DictionaryAttr nameDict(String name) {
        return new DictionaryAttr(List.of(new NamedAttribute("onnx.name", StringAttr.of(name))));
    }

    /**
     * {@return the types the graph declares for its values (inputs, outputs, value_info)}, failing when two
     * declarations of one value contradict each other
     */
    private Map<String, Type> declaredTypes(GraphProto g) throws OnnxException {
        Map<String, Type> types = new HashMap<>();
        Map<String, String> origin = new HashMap<>();
        declare(g.getInputList(), "graph input", types, origin);
        declare(g.getOutputList(), "graph output", types, origin);
        declare(g.getValueInfoList(), "value_info", types, origin);
        for (TensorProto t : g.getInitializerList()) {
            Type known = types.get(t.getName());
            Optional<Type> et = OnnxTypes.elementType(t.getDataType());
            if (known != null && et.isPresent() && known instanceof ShapedType st) {
                Type it = TensorType.of(t.getDimsList(), et.get());
                if (!compatible(st, (ShapedType) it))
                    throw error("inconsistent shapes for '" + t.getName() + "': the " + origin.get(t.getName())
                            + " declares " + OnnxTypes.text(known) + " but the initializer is " + OnnxTypes.text(it));
            }
        }
        return types;
    }

    private void declare(List<ValueInfoProto> infos, String what, Map<String, Type> types, Map<String, String> origin)
            throws OnnxException {
        for (ValueInfoProto vi : infos) {
            Optional<Type> t = OnnxTypes.valueType(vi.getType());
            if (t.isEmpty()) continue;
            Type prev = types.get(vi.getName());
            if (prev == null) {
                types.put(vi.getName(), t.get());
                origin.put(vi.getName(), what);
                continue;
            }
            if (!compatible((ShapedType) prev, (ShapedType) t.get()))
                throw error("inconsistent shapes for '" + vi.getName() + "': the " + origin.get(vi.getName())
                        + " declares " + OnnxTypes.text(prev) + " but the " + what + " declares "
                        + OnnxTypes.text(t.get()));
            if (!((ShapedType) prev).hasRank() && ((ShapedType) t.get()).hasRank()) types.put(vi.getName(), t.get());
        }
    }

    /** Same element type, and where both ranks and dimensions are known, the same ones. */
    private static boolean compatible(ShapedType a, ShapedType b) {
        if (!a.elementType().equals(b.elementType())) return false;
        if (!a.hasRank() || !b.hasRank()) return true;
        if (a.rank() != b.rank()) return false;
        for (int i = 0; i < a.rank(); i++) {
            long x = a.shape().get(i), y = b.shape().get(i);
            if (x != ShapedType.DYNAMIC && y != ShapedType.DYNAMIC && x != y) return false;
        }
        return true;
    }

    /** Imports initializers and nodes (in dependency order) into {@code block}. */
    private void importBody(GraphProto g, Block block, Scope scope, Map<String, Type> declared) throws OnnxException {
        for (TensorProto t : g.getInitializerList()) {
            Attribute value = tensors.attribute(t, "initializer '" + t.getName() + "'");
            Operation c = constant(value, Location.name(t.getName()));
            block.append(c);
            scope.values.put(t.getName(), c.result(0));
        }
        for (int i : order(g, scope)) importNode(g.getNode(i), i, block, scope, declared);
    }

    /**
     * {@return the node indices in an order where every node follows the nodes it reads from}, failing on a node
     * input nothing defines and on cycles
     */
    private int[] order(GraphProto g, Scope scope) throws OnnxException {
        int n = g.getNodeCount();
        Map<String, Integer> producer = new HashMap<>();
        for (int i = 0; i < n; i++) for (String o : g.getNode(i).getOutputList()) if (!o.isEmpty()) producer.put(o, i);
        List<List<Integer>> users = new ArrayList<>();
        int[] pending = new int[n];
        for (int i = 0; i < n; i++) users.add(new ArrayList<>());
        for (int i = 0; i < n; i++) {
            NodeProto node = g.getNode(i);
            Set<String> reads = new java.util.LinkedHashSet<>(node.getInputList());
            for (AttributeProto a : node.getAttributeList()) if (a.hasG()) freeNames(a.getG(), reads);
            for (String in : reads) {
                if (in.isEmpty()) continue;
                Integer p = producer.get(in);
                if (p != null) {
                    users.get(p).add(i);
                    pending[i]++;
                } else if (scope.lookup(in).isEmpty() && node.getInputList().contains(in)) {
                    throw error(describe(node, i) + ": input '" + in
                            + "' is not defined by any initializer, graph input or node");
                } else if (scope.lookup(in).isEmpty()) {
                    throw error(describe(node, i) + ": its subgraph reads '" + in
                            + "', which is not defined by any initializer, graph input or node");
                }
            }
        }
        int[] out = new int[n];
        int k = 0;
        ArrayDeque<Integer> ready = new ArrayDeque<>();
        for (int i = 0; i < n; i++) if (pending[i] == 0) ready.add(i);
        while (!ready.isEmpty()) {
            int i = ready.poll();
            out[k++] = i;
            for (int u : users.get(i)) if (--pending[u] == 0) ready.add(u);
        }
        if (k < n) {
            List<String> stuck = new ArrayList<>();
            for (int i = 0; i < n; i++) if (pending[i] > 0) stuck.add("'" + nodeName(g.getNode(i), i) + "'");
            throw error("graph '" + (g.getName().isEmpty() ? "main_graph" : g.getName()) + "' has a cycle: nodes "
                    + String.join(", ", stuck) + " depend on each other");
        }
        // keep the file's order where it is already topological (readable IR, stable round trips)
        int[] seq = new int[n];
        for (int i = 0; i < n; i++) seq[i] = i;
        return isTopological(g, scope) ? seq : out;
    }

    private static boolean isTopological(GraphProto g, Scope scope) {
        Set<String> defined = new HashSet<>();
        Map<String, Boolean> produced = new HashMap<>();
        for (NodeProto node : g.getNodeList()) for (String o : node.getOutputList()) produced.put(o, true);
        for (NodeProto node : g.getNodeList()) {
            for (String in : node.getInputList())
                if (!in.isEmpty() && produced.containsKey(in) && !defined.contains(in)) return false;
            defined.addAll(node.getOutputList());
        }
        return true;
    }

    /** Adds the names a subgraph reads from enclosing graphs. */
    private static void freeNames(GraphProto g, Set<String> out) {
        Set<String> local = new HashSet<>();
        for (ValueInfoProto v : g.getInputList()) local.add(v.getName());
        for (TensorProto t : g.getInitializerList()) local.add(t.getName());
        for (NodeProto n : g.getNodeList()) local.addAll(n.getOutputList());
        Set<String> reads = new java.util.LinkedHashSet<>();
        for (NodeProto n : g.getNodeList()) {
            reads.addAll(n.getInputList());
            for (AttributeProto a : n.getAttributeList()) if (a.hasG()) freeNames(a.getG(), reads);
        }
        for (ValueInfoProto v : g.getOutputList()) reads.add(v.getName());
        for (String r : reads) if (!r.isEmpty() && !local.contains(r)) out.add(r);
    }

    // ---- nodes -------------------------------------------------------------------------------------------------

    private Value none() {
        if (none == null) {
            Operation op = Operation.create(
                    new OperationState("graph.none", Location.unknown()).addResultType(NoneType.INSTANCE));
            if (funcEntry.firstOp().isPresent())
                op.moveBefore(funcEntry.firstOp().get());
            else funcEntry.append(op);
            none = op.result(0);
        }
        return none;
    }

    static Operation constant(Attribute value, Location loc) {
        Type t = value.type().orElseThrow();
        return Operation.create(new OperationState("graph.constant", loc)
                .addAttribute("value", value)
                .addResultType(t));
    }

    private void importNode(NodeProto n, int index, Block block, Scope scope, Map<String, Type> declared)
            throws OnnxException {
        String opType = n.getOpType();
        String where = describe(n, index);
        Location loc = Location.name(nodeName(n, index));
        List<Value> ins = new ArrayList<>();
        for (String in : n.getInputList())
            ins.add(in.isEmpty() ? null : scope.lookup(in).orElseThrow());
        Map<String, AttributeProto> attrs = new LinkedHashMap<>();
        for (AttributeProto a : n.getAttributeList()) attrs.put(a.getName(), a);
        boolean known = OnnxOps.isDefaultDomain(n.getDomain()) && OnnxOps.isSupported(opType);

        if (known && opType.equals("Constant")) {
            Operation c = constant(constantValue(n, attrs, where, nodeName(n, index)), loc);
            block.append(c);
            define(n, List.of(c.result(0)), scope);
            return;
        }
        if (known && opset < LegacyForms.OPSET)
            new LegacyForms(opset, block, nodeName(n, index), where, this::error).apply(opType, ins, attrs);
        Normaliser norm = new Normaliser(block, loc, where);
        if (known && (opType.equals("Softmax") || opType.equals("LogSoftmax")) && opset < 13) {
            Optional<Value> v = norm.oldSoftmax(opType, ins.get(0), attrs);
            if (v.isPresent()) {
                define(n, List.of(v.get()), scope);
                return;
            }
        } else if (known) {
            norm.apply(opType, n, ins, attrs);
        }

        OperationState st = new OperationState(known ? OnnxOps.opName(opType) : "graph.custom", loc);
        int results = n.getOutputCount();
        if (known) {
            OnnxOps.Arity ar = OnnxOps.arity(opType).orElseThrow();
            if (!ar.variadicTail() && ins.size() > ar.operands())
                throw error(where + ": has " + ins.size() + " inputs, at most " + ar.operands() + " expected");
            while (ins.size() < ar.operands()) ins.add(null);
            if (ar.results() != OnnxOps.VARIADIC) {
                if (results > ar.results())
                    throw error(where + ": has " + results + " outputs, at most " + ar.results() + " expected");
                results = ar.results();
            }
        } else {
            st.addAttribute("op_type", StringAttr.of(opType));
            if (!n.getDomain().isEmpty()) st.addAttribute("domain", StringAttr.of(n.getDomain()));
        }
        for (Value v : ins) st.addOperand(v == null ? none() : v);

        List<String> regionNames = new ArrayList<>();
        List<Type> subgraphOutputs = new ArrayList<>();
        List<AttributeProto> ordered = new ArrayList<>(attrs.values());
        // regions follow the op's declaration (If: then, else), not the node's attribute order (onnx.helper sorts
        // keyword attributes, so else_branch usually comes first)
        if (known && opType.equals("If"))
            ordered.sort(Comparator.comparing(a -> a.getName().equals("else_branch")));
        for (AttributeProto a : ordered) {
            if (a.getType() == AttributeProto.AttributeType.GRAPH || (a.hasG() && !a.hasType())) {
                regionNames.add(a.getName());
                subgraphOutputs = importSubgraph(a.getG(), st.addRegion(), scope, opType, st.operands);
            } else {
                st.addAttribute(a.getName(), attribute(a, where));
            }
        }
        if (!known && !regionNames.isEmpty())
            st.addAttribute(
                    "onnx.region_names",
                    new ArrayAttr(regionNames.stream()
                            .map(s -> (Attribute) StringAttr.of(s))
                            .toList()));

        List<Type> types = new ArrayList<>();
        for (int r = 0; r < results; r++) {
            String out = r < n.getOutputCount() ? n.getOutput(r) : "";
            Type d = declared.get(out);
            types.add(d != null ? d : guessType(opType, st, r, subgraphOutputs));
        }
        st.addResultTypes(types);
        Operation op = Operation.create(st);
        block.append(op);
        if (op instanceof ShapeInferable si) refine(op, si, declared, n);
        define(n, op.results().stream().map(v -> (Value) v).toList(), scope);
    }

    /** Replaces result types that are not declared by the op's own inference, where it knows them. */
    private static void refine(Operation op, ShapeInferable si, Map<String, Type> declared, NodeProto n) {
        List<Optional<Attribute>> consts = new ArrayList<>();
        for (Value v : op.operands()) {
            Optional<Attribute> c = Optional.empty();
            if (v instanceof dev.dal.ir.OpResult r && r.owner().name().equals("graph.constant"))
                c = r.owner().attribute("value");
            consts.add(c);
        }
        Optional<List<Type>> inferred;
        try {
            inferred = si.inferResultTypes(consts);
        } catch (RuntimeException e) {
            return; // inference is a refinement only; the verifier reports real problems
        }
        if (inferred.isEmpty() || inferred.get().size() != op.numResults()) return;
        for (int r = 0; r < op.numResults(); r++) {
            String out = r < n.getOutputCount() ? n.getOutput(r) : "";
            if (!declared.containsKey(out) || (declared.get(out) instanceof ShapedType st && !st.hasRank()))
                op.result(r).setType(inferred.get().get(r));
        }
    }

    private static void define(NodeProto n, List<Value> results, Scope scope) {
        for (int r = 0; r < n.getOutputCount() && r < results.size(); r++)
            if (!n.getOutput(r).isEmpty()) scope.values.put(n.getOutput(r), results.get(r));
    }

    /** Imports an If/Loop (or custom op's) subgraph into a region; returns the subgraph's output types. */
    private List<Type> importSubgraph(GraphProto g, Region region, Scope outer, String opType, List<Value> operands)
            throws OnnxException {
        Block b = region.addBlock();
        Scope scope = new Scope(Optional.of(outer));
        Map<String, Type> declared = declaredTypes(g);
        for (int i = 0; i < g.getInputCount(); i++) {
            ValueInfoProto in = g.getInput(i);
            Optional<Type> t = OnnxTypes.valueType(in.getType());
            if (t.isEmpty() && opType.equals("Loop")) {
                // Loop bodies may leave input types out: iteration number, condition, then the carried values
                t = Optional.of(
                        i == 0
                                ? TensorType.of(IntegerType.I64)
                                : i == 1
                                        ? TensorType.of(IntegerType.I1)
                                        : i < operands.size()
                                                ? operands.get(i).type()
                                                : new UnrankedTensorType(FloatType.F32));
            }
            Type type = t.orElseThrow(
                    () -> error("subgraph '" + g.getName() + "' input '" + in.getName() + "' has no tensor type"));
            scope.values.put(in.getName(), b.addArgument(type, Location.name(in.getName())));
        }
        importBody(g, b, scope, declared);
        List<Value> outs = new ArrayList<>();
        for (ValueInfoProto o : g.getOutputList())
            outs.add(scope.lookup(o.getName())
                    .orElseThrow(
                            () -> error("subgraph '" + g.getName() + "' output '" + o.getName() + "' is not defined")));
        b.append(Operation.create(new OperationState("graph.yield", Location.unknown()).addOperands(outs)));
        return outs.stream().map(Value::type).toList();
    }

    /** The result type when neither value_info nor inference knows it: unranked, with the element type guessed. */
    private static Type guessType(String opType, OperationState st, int r, List<Type> subgraphOutputs) {
        Optional<Type> et = switch (opType) {
            case "Shape", "Size", "ArgMax", "ArgMin", "NonZero", "NonMaxSuppression" -> Optional.of(IntegerType.I64);
            case "Equal", "Less", "Greater", "LessOrEqual", "GreaterOrEqual", "Not", "And", "Or", "Xor" ->
                Optional.of(IntegerType.I1);
            case "TopK", "MaxPool" -> r == 1 ? Optional.of(IntegerType.I64) : elem(st, 0);
            case "Dropout" -> r == 1 ? Optional.of(IntegerType.I1) : elem(st, 0);
            case "Cast" -> attrOf(st, "to").flatMap(a -> OnnxTypes.elementType((int) ((IntegerAttr) a).longValue()));
            case "CastLike" -> elem(st, 1);
            case "ConstantOfShape" ->
                attrOf(st, "value")
                        .flatMap(Attribute::type)
                        .map(t -> ((ShapedType) t).elementType())
                        .or(() -> Optional.of(FloatType.F32));
            case "Where", "DequantizeLinear" -> elem(st, 1);
            case "QuantizeLinear" ->
                elem(st, 2).or(() -> Optional.of(new IntegerType(8, IntegerType.Signedness.UNSIGNED)));
            case "DynamicQuantizeLinear" ->
                Optional.of(r == 1 ? FloatType.F32 : new IntegerType(8, IntegerType.Signedness.UNSIGNED));
            case "MatMulInteger", "ConvInteger" -> Optional.of(IntegerType.I32);
            case "QLinearConv", "QLinearMatMul" -> elem(st, 7);
            case "OneHot" -> elem(st, 2);
            case "If" ->
                r < subgraphOutputs.size()
                        ? Optional.of(subgraphOutputs.get(r)).map(t -> ((ShapedType) t).elementType())
                        : Optional.empty();
            case "Loop" ->
                r + 1 < subgraphOutputs.size()
                        ? Optional.of(subgraphOutputs.get(r + 1)).map(t -> ((ShapedType) t).elementType())
                        : Optional.empty();
            default -> elem(st, 0);
        };
        if (opType.equals("If") && r < subgraphOutputs.size()) return subgraphOutputs.get(r);
        return new UnrankedTensorType(et.orElse(FloatType.F32));
    }

    private static Optional<Type> elem(OperationState st, int i) {
        if (i >= st.operands.size()) return Optional.empty();
        return st.operands.get(i).type() instanceof ShapedType s ? Optional.of(s.elementType()) : Optional.empty();
    }

    private static Optional<Attribute> attrOf(OperationState st, String name) {
        return st.attributes.stream()
                .filter(a -> a.name().equals(name))
                .map(NamedAttribute::value)
                .findFirst();
    }

    // ---- attributes --------------------------------------------------------------------------------------------

    private Attribute attribute(AttributeProto a, String where) throws OnnxException {
        AttributeProto.AttributeType t = a.hasType() ? a.getType() : inferAttrType(a);
        switch (t) {
            case FLOAT:
                return FloatAttr.of(a.getF(), FloatType.F32);
            case INT:
                return IntegerAttr.i64(a.getI());
            case STRING:
                return StringAttr.of(a.getS().toStringUtf8());
            case TENSOR:
                return tensors.attribute(a.getT(), where + " attribute '" + a.getName() + "'");
            case FLOATS: {
                long[] raw = new long[a.getFloatsCount()];
                for (int i = 0; i < raw.length; i++) raw[i] = FloatBits.fromDouble(a.getFloats(i), FloatType.Kind.F32);
                return new DenseArrayAttr(FloatType.F32, raw);
            }
            case INTS:
                return DenseArrayAttr.i64(
                        a.getIntsList().stream().mapToLong(Long::longValue).toArray());
            case STRINGS: {
                List<Attribute> l = new ArrayList<>();
                for (var s : a.getStringsList()) l.add(StringAttr.of(s.toStringUtf8()));
                return new ArrayAttr(l);
            }
            default:
                throw error(where + ": attribute '" + a.getName() + "' has type " + t + ", which DAL does not support");
        }
    }

    private static AttributeProto.AttributeType inferAttrType(AttributeProto a) {
        if (a.hasF()) return AttributeProto.AttributeType.FLOAT;
        if (a.hasI()) return AttributeProto.AttributeType.INT;
        if (a.hasS()) return AttributeProto.AttributeType.STRING;
        if (a.hasT()) return AttributeProto.AttributeType.TENSOR;
        if (a.hasG()) return AttributeProto.AttributeType.GRAPH;
        if (a.getFloatsCount() > 0) return AttributeProto.AttributeType.FLOATS;
        if (a.getIntsCount() > 0) return AttributeProto.AttributeType.INTS;
        if (a.getStringsCount() > 0) return AttributeProto.AttributeType.STRINGS;
        return AttributeProto.AttributeType.UNDEFINED;
    }

    private Attribute constantValue(NodeProto n, Map<String, AttributeProto> attrs, String where, String key)
            throws OnnxException {
        if (attrs.size() != 1) throw error(where + ": a Constant needs exactly one value attribute");
        AttributeProto a = attrs.values().iterator().next();
        switch (a.getName()) {
            case "value":
                // keyed after the node, as initializers are after their name: both are the op's location
                return tensors.attribute(a.getT(), where, key);
            case "value_float":
                return TensorReader.dense(TensorType.of(FloatType.F32), le(4).putFloat(a.getF()));
            case "value_floats": {
                ByteBuffer b = le(4 * a.getFloatsCount());
                for (float f : a.getFloatsList()) b.putFloat(f);
                return TensorReader.dense(TensorType.of(FloatType.F32, a.getFloatsCount()), b);
            }
            case "value_int":
                return TensorReader.dense(TensorType.of(IntegerType.I64), le(8).putLong(a.getI()));
            case "value_ints":
                return i64Tensor(
                        a.getIntsList().stream().mapToLong(Long::longValue).toArray());
            case "value_string":
                return new dev.dal.ir.DenseStringElementsAttr(
                        TensorType.of(OnnxTypes.STRING), List.of(a.getS().toStringUtf8()), false);
            case "value_strings":
                return new dev.dal.ir.DenseStringElementsAttr(
                        TensorType.of(OnnxTypes.STRING, a.getStringsCount()),
                        a.getStringsList().stream().map(s -> s.toStringUtf8()).toList(),
                        false);
            default:
                throw error(where + ": Constant attribute '" + a.getName() + "' is not supported");
        }
    }

    static ByteBuffer le(int bytes) {
        return ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    static Attribute i64Tensor(long[] v) {
        ByteBuffer b = le(8 * v.length);
        for (long x : v) b.putLong(x);
        return TensorReader.dense(TensorType.of(IntegerType.I64, v.length), b);
    }

    // ---- opset normalisation -----------------------------------------------------------------------------------

    /** Rewrites one node's older-opset form into the newest one, creating constants before it. */
    private final class Normaliser {
        private final Block block;
        private final Location loc;
        private final String where;

        Normaliser(Block block, Location loc, String where) {
            this.block = block;
            this.loc = loc;
            this.where = where;
        }

        private Value add(Operation op) {
            block.append(op);
            return op.result(0);
        }

        private Value ints(long[] v) {
            return add(constant(i64Tensor(v), loc));
        }

        private Value scalar(double v, Type et) throws OnnxException {
            ByteBuffer b;
            if (et instanceof FloatType f && f.kind() == FloatType.Kind.F32) b = le(4).putFloat((float) v);
            else if (et instanceof FloatType f && f.kind() == FloatType.Kind.F64) b = le(8).putDouble(v);
            else if (et instanceof FloatType f && f.kind() == FloatType.Kind.F16)
                b = le(2).putShort(Float.floatToFloat16((float) v));
            else if (et instanceof IntegerType i && i.width() >= 8) {
                b = le(i.width() / 8);
                long x = (long) v;
                for (int k = 0; k < i.width() / 8; k++) b.put((byte) (x >>> (8 * k)));
            } else throw error(where + ": cannot normalise a constant of element type " + et);
            return add(constant(TensorReader.dense(TensorType.of(et), b), loc));
        }

        private Optional<long[]> takeInts(Map<String, AttributeProto> attrs, String name) {
            AttributeProto a = attrs.remove(name);
            return a == null
                    ? Optional.empty()
                    : Optional.of(
                            a.getIntsList().stream().mapToLong(Long::longValue).toArray());
        }

        private Type elemOf(List<Value> ins) {
            return !ins.isEmpty() && ins.get(0) != null && ins.get(0).type() instanceof ShapedType s
                    ? s.elementType()
                    : FloatType.F32;
        }

        private void set(List<Value> ins, int i, Value v) {
            while (ins.size() <= i) ins.add(null);
            ins.set(i, v);
        }

        void apply(String op, NodeProto n, List<Value> ins, Map<String, AttributeProto> attrs) throws OnnxException {
            switch (op) {
                case "Slice" -> {
                    if (opset < 10) {
                        long[] starts = takeInts(attrs, "starts").orElseThrow(() -> error(where + ": no starts"));
                        long[] ends = takeInts(attrs, "ends").orElseThrow(() -> error(where + ": no ends"));
                        Optional<long[]> axes = takeInts(attrs, "axes");
                        set(ins, 1, ints(starts));
                        set(ins, 2, ints(ends));
                        if (axes.isPresent()) set(ins, 3, ints(axes.get()));
                    }
                }
                case "Split" -> {
                    if (opset < 13) {
                        Optional<long[]> split = takeInts(attrs, "split");
                        if (split.isPresent()) set(ins, 1, ints(split.get()));
                    }
                    boolean hasSplit = ins.size() > 1 && ins.get(1) != null;
                    if (opset < 18 && !hasSplit)
                        attrs.put(
                                "num_outputs",
                                AttributeProto.newBuilder()
                                        .setName("num_outputs")
                                        .setType(AttributeProto.AttributeType.INT)
                                        .setI(n.getOutputCount())
                                        .build());
                }
                case "Squeeze", "Unsqueeze" -> {
                    if (opset < 13) takeInts(attrs, "axes").ifPresent(a -> set(ins, 1, ints(a)));
                }
                case "ReduceMean", "ReduceMax", "ReduceMin", "ReduceProd", "ReduceL2", "ReduceSum" -> {
                    if (opset < (op.equals("ReduceSum") ? 13 : 18))
                        takeInts(attrs, "axes").ifPresent(a -> set(ins, 1, ints(a)));
                }
                case "Pad" -> {
                    if (opset < 11) {
                        long[] pads = takeInts(attrs, "pads").orElseThrow(() -> error(where + ": no pads"));
                        AttributeProto value = attrs.remove("value");
                        set(ins, 1, ints(pads));
                        set(ins, 2, scalar(value == null ? 0.0 : value.getF(), elemOf(ins)));
                    }
                }
                case "Clip" -> {
                    if (opset < 11) {
                        AttributeProto min = attrs.remove("min"), max = attrs.remove("max");
                        Type et = elemOf(ins);
                        if (min != null) set(ins, 1, scalar(min.getF(), et));
                        if (max != null) set(ins, 2, scalar(max.getF(), et));
                    }
                }
                case "Upsample" -> {
                    if (opset < 9) {
                        AttributeProto s = attrs.remove("scales");
                        if (s == null) throw error(where + ": no scales");
                        ByteBuffer b = le(4 * s.getFloatsCount());
                        for (float f : s.getFloatsList()) b.putFloat(f);
                        set(
                                ins,
                                1,
                                add(constant(
                                        TensorReader.dense(TensorType.of(FloatType.F32, s.getFloatsCount()), b), loc)));
                    }
                }
                case "Resize" -> {
                    if (opset < 11) {
                        Value x = ins.get(0), scales = ins.size() > 1 ? ins.get(1) : null;
                        ins.clear();
                        ins.add(x);
                        ins.add(null);
                        ins.add(scales);
                        attrs.put(
                                "coordinate_transformation_mode",
                                stringAttr("coordinate_transformation_mode", "asymmetric"));
                        AttributeProto mode = attrs.get("mode");
                        if (mode == null || mode.getS().toStringUtf8().equals("nearest"))
                            attrs.put("nearest_mode", stringAttr("nearest_mode", "floor"));
                    }
                }
                case "Dropout" -> {
                    attrs.remove("is_test");
                    if (opset < 12) {
                        AttributeProto ratio = attrs.remove("ratio");
                        if (ratio != null) set(ins, 1, scalar(ratio.getF(), FloatType.F32));
                    }
                }
                case "BatchNormalization" -> {
                    attrs.remove("is_test");
                    attrs.remove("consumed_inputs");
                    AttributeProto spatial = attrs.remove("spatial");
                    if (spatial != null && spatial.getI() == 0)
                        throw error(where + ": BatchNormalization with spatial = 0 is not supported");
                }
                case "TopK" -> {
                    if (opset < 10) {
                        AttributeProto k = attrs.remove("k");
                        if (k == null) throw error(where + ": no k");
                        set(ins, 1, ints(new long[] {k.getI()}));
                    }
                }
                default -> {}
            }
        }

        /**
         * Softmax/LogSoftmax before opset 13 coerce the input to 2-D at {@code axis}; the newest form normalises one
         * axis. Equal when the axis is the last one; otherwise Shape, Flatten, op over axis 1, Reshape back.
         *
         * @return the value replacing the node's output, or empty if the op is kept as is (with its axis)
         */
        Optional<Value> oldSoftmax(String op, Value x, Map<String, AttributeProto> attrs) {
            AttributeProto a = attrs.get("axis");
            long axis = a == null ? 1 : a.getI();
            if (x.type() instanceof ShapedType s && s.hasRank()) {
                long ax = axis < 0 ? axis + s.rank() : axis;
                if (ax == s.rank() - 1) {
                    attrs.put(
                            "axis",
                            AttributeProto.newBuilder()
                                    .setName("axis")
                                    .setType(AttributeProto.AttributeType.INT)
                                    .setI(ax)
                                    .build());
                    return Optional.empty();
                }
            }
            Type et = x.type() instanceof ShapedType s ? s.elementType() : FloatType.F32;
            Location l = loc;
            Value shape = add(Operation.create(new OperationState("graph.shape", Location.name(name(l) + "/shape"))
                    .addOperand(x)
                    .addResultType(new UnrankedTensorType(IntegerType.I64))));
            Value flat = add(Operation.create(new OperationState("graph.flatten", Location.name(name(l) + "/flatten"))
                    .addOperand(x)
                    .addAttribute("axis", IntegerAttr.i64(axis))
                    .addResultType(new UnrankedTensorType(et))));
            Value sm = add(Operation.create(new OperationState(OnnxOps.opName(op), Location.name(name(l) + "/2d"))
                    .addOperand(flat)
                    .addAttribute("axis", IntegerAttr.i64(1))
                    .addResultType(new UnrankedTensorType(et))));
            Type outType = x.type() instanceof ShapedType ? x.type() : new UnrankedTensorType(et);
            return Optional.of(add(Operation.create(new OperationState("graph.reshape", l)
                    .addOperand(sm)
                    .addOperand(shape)
                    .addResultType(outType))));
        }
    }

    private static String name(Location l) {
        return l instanceof Location.Name n ? n.name() : "node";
    }

    private static AttributeProto stringAttr(String name, String value) {
        return AttributeProto.newBuilder()
                .setName(name)
                .setType(AttributeProto.AttributeType.STRING)
                .setS(com.google.protobuf.ByteString.copyFromUtf8(value))
                .build();
    }
}
