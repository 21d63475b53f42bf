package dev.dal.onnx;

import com.google.protobuf.ByteString;
import com.google.protobuf.UnsafeByteOperations;
import dev.dal.ir.ArrayAttr;
import dev.dal.ir.Attribute;
import dev.dal.ir.Block;
import dev.dal.ir.BlockArgument;
import dev.dal.ir.DenseArrayAttr;
import dev.dal.ir.DenseElementsAttr;
import dev.dal.ir.DenseResourceAttr;
import dev.dal.ir.DenseStringElementsAttr;
import dev.dal.ir.DictionaryAttr;
import dev.dal.ir.FloatAttr;
import dev.dal.ir.FloatType;
import dev.dal.ir.IntegerAttr;
import dev.dal.ir.IntegerType;
import dev.dal.ir.Location;
import dev.dal.ir.NamedAttribute;
import dev.dal.ir.OpResult;
import dev.dal.ir.Operation;
import dev.dal.ir.Region;
import dev.dal.ir.ShapedType;
import dev.dal.ir.StringAttr;
import dev.dal.ir.Value;
import dev.dal.ir.print.IrPrinter;
import dev.dal.onnx.proto.Onnx.AttributeProto;
import dev.dal.onnx.proto.Onnx.GraphProto;
import dev.dal.onnx.proto.Onnx.ModelProto;
import dev.dal.onnx.proto.Onnx.NodeProto;
import dev.dal.onnx.proto.Onnx.OperatorSetIdProto;
import dev.dal.onnx.proto.Onnx.TensorProto;
import dev.dal.onnx.proto.Onnx.ValueInfoProto;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code graph} dialect IR (a module with one {@code func.func}, as the importer makes it) to an ONNX
 * {@code ModelProto}. Constants become initializers with {@code raw_data} (wrapping the blobs, not copying them),
 * {@code graph.custom} goes back to its op type, locations back to node names. The default domain is written at
 * opset {@link OnnxImporter#MAX_OPSET}, the form the IR's ops are in (the importer normalised older forms);
 * {@code graph.upsample}, which that opset no longer has, is written as the equivalent {@code Resize}, and the ops
 * optimisation makes ({@code graph.fused_conv}, {@code graph.scale_shift}, {@code graph.gelu}, {@code graph.silu})
 * as the standard nodes they stand for ({@link FusedForms}).
 */
public final class OnnxExporter {
    /** Ops whose trailing unused results are optional ONNX outputs, left out on export. */
    private static final Set<String> OPTIONAL_OUTPUTS =
            Set.of("Dropout", "MaxPool", "BatchNormalization", "LayerNormalization");

    private final Map<Value, String> names = new HashMap<>();
    private final Set<String> used = new HashSet<>();

    private OnnxExporter() {}

    /**
     * Exports a module.
     *
     * @throws OnnxException when the IR has something ONNX cannot hold
     */
    public static ModelProto export(Operation module) throws OnnxException {
        return new OnnxExporter().run(module);
    }

    static OnnxException error(Operation op, String msg) {
        return new OnnxException(IrPrinter.locationText(op.loc()) + ": error: " + msg);
    }

    private ModelProto run(Operation module) throws OnnxException {
        if (!module.name().equals("builtin.module"))
            throw error(module, "expected a builtin.module, got " + module.name());
        Operation func = null;
        for (Operation op : module.region(0).entry().ops())
            if (op.name().equals("func.func")) {
                if (func != null) throw error(op, "the module has more than one func.func; ONNX has one graph");
                func = op;
            }
        if (func == null) throw error(module, "the module has no func.func to export");
        ModelProto.Builder mb = ModelProto.newBuilder();
        long ir = module.attribute("onnx.ir_version")
                .map(a -> ((IntegerAttr) a).longValue())
                .orElse(8L);
        mb.setIrVersion(Math.max(ir, 8));
        module.attribute("onnx.producer").ifPresent(a -> mb.setProducerName(((StringAttr) a).value()));
        module.attribute("onnx.producer_version").ifPresent(a -> mb.setProducerVersion(((StringAttr) a).value()));
        boolean hasDefault = false;
        if (module.attribute("onnx.opset_import").orElse(null) instanceof DictionaryAttr d) {
            for (NamedAttribute e : d.entries()) {
                boolean def = OnnxOps.isDefaultDomain(e.name());
                hasDefault |= def;
                mb.addOpsetImport(OperatorSetIdProto.newBuilder()
                        .setDomain(def ? "" : e.name())
                        .setVersion(def ? OnnxImporter.MAX_OPSET : ((IntegerAttr) e.value()).longValue()));
            }
        }
        if (!hasDefault)
            mb.addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OnnxImporter.MAX_OPSET));
        mb.setGraph(mainGraph(func));
        return mb.build();
    }

    private String unique(String base) {
        String b = base.isEmpty() ? "v" : base;
        String n = b;
        for (int i = 1; !used.add(n); i++) n = b + "_" + i;
        return n;
    }

    private String nameOf(Value v) {
        String n = names.get(v);
        if (n == null) {
            Location l = v instanceof OpResult r ? r.owner().loc() : ((BlockArgument) v).loc();
            String base = l instanceof Location.Name nl ? nl.name() : "v";
            if (v instanceof OpResult r && r.owner().numResults() > 1) base = base + ":" + r.index();
            n = unique(base);
            names.put(v, n);
        }
        return n;
    }

    private static Optional<String> onnxName(Optional<Attribute> attrs, int i) {
        if (attrs.orElse(null) instanceof ArrayAttr a
                && i < a.elements().size()
                && a.elements().get(i) instanceof DictionaryAttr d
                && d.get("onnx.name").orElse(null) instanceof StringAttr s) return Optional.of(s.value());
        return Optional.empty();
    }

    private GraphProto mainGraph(Operation func) throws OnnxException {
        GraphProto.Builder g = GraphProto.newBuilder();
        g.setName(func.attribute("sym_name").map(a -> ((StringAttr) a).value()).orElse("main_graph"));
        Block entry = func.region(0).entry();
        for (int i = 0; i < entry.arguments().size(); i++) {
            BlockArgument a = entry.argument(i);
            String n = unique(onnxName(func.attribute("arg_attrs"), i).orElse("input_" + i));
            names.put(a, n);
            g.addInput(valueInfo(n, a, func));
        }
        Operation ret = entry.lastOp()
                .filter(o -> o.name().equals("func.return"))
                .orElseThrow(() -> error(func, "the function does not end in func.return"));
        List<String> outNames = new ArrayList<>();
        for (int i = 0; i < ret.numOperands(); i++)
            outNames.add(onnxName(func.attribute("res_attrs"), i).orElse("output_" + i));
        exportBlock(entry, g, ret, outNames);
        return g.build();
    }

    /**
     * Writes a block's ops as nodes and initializers, and its terminator's operands as the graph outputs (with
     * {@code outNames}, or generated names when empty).
     */
    private void exportBlock(Block block, GraphProto.Builder g, Operation term, List<String> outNames)
            throws OnnxException {
        // outputs produced by a node of this block take the output name directly
        Set<Value> directOutputs = new HashSet<>();
        for (int i = 0; i < term.numOperands(); i++) {
            Value v = term.operand(i);
            if (v instanceof OpResult r
                    && r.owner().parentBlock().orElse(null) == block
                    && !r.owner().name().equals("graph.constant")
                    && !r.owner().name().equals("graph.none")
                    && !names.containsKey(v)
                    && !directOutputs.contains(v)) {
                String want = outNames.isEmpty() ? nameOf(v) : outNames.get(i);
                if (!outNames.isEmpty()) {
                    if (!used.add(want)) want = unique(want);
                    names.put(v, want);
                }
                directOutputs.add(v);
            }
        }
        List<Value> typed = new ArrayList<>();
        boolean leading = true;
        for (Operation op : block.ops()) {
            if (op == term) break;
            if (op.name().equals("graph.none")) {
                names.put(op.result(0), "");
            } else if (op.name().equals("graph.constant")) {
                Attribute value = op.attribute("value").orElseThrow(() -> error(op, "graph.constant without a value"));
                String n = nameOf(op.result(0));
                if (leading) {
                    g.addInitializer(tensor(value, n, op));
                } else {
                    // a constant among the nodes stays a Constant node, so a re-import keeps the op order
                    g.addNode(NodeProto.newBuilder()
                            .setOpType("Constant")
                            .setName(op.loc() instanceof Location.Name nl ? nl.name() : unique("Constant"))
                            .addOutput(n)
                            .addAttribute(attribute("value", value, op)));
                }
            } else {
                leading = false;
                Optional<List<NodeProto>> standard = FusedForms.nodes(op, fusedGraph(g, op));
                if (standard.isPresent()) g.addAllNode(standard.get());
                else g.addNode(node(op));
                for (OpResult r : op.results()) if (!directOutputs.contains(r)) typed.add(r);
            }
        }
        Set<String> outputsWritten = new HashSet<>();
        for (int i = 0; i < term.numOperands(); i++) {
            Value v = term.operand(i);
            String n;
            boolean sameName = directOutputs.contains(v)
                    || !outNames.isEmpty()
                            && nameOf(v).equals(outNames.get(i))
                            && !(v instanceof OpResult r && r.owner().name().equals("graph.constant"));
            if (sameName && outputsWritten.add(nameOf(v))) {
                n = nameOf(v);
            } else {
                // an input, constant, outer value or repeated output: ONNX outputs need their own producer here
                n = unique(outNames.isEmpty() ? nameOf(v) + "_out" : outNames.get(i));
                g.addNode(NodeProto.newBuilder()
                        .setOpType("Identity")
                        .setName(n)
                        .addInput(nameOf(v))
                        .addOutput(n));
            }
            g.addOutput(valueInfo(n, v, term));
        }
        for (Value v : typed)
            if (v instanceof OpResult r && !r.hasNoUses())
                OnnxTypes.typeProto(v.type())
                        .ifPresent(t -> g.addValueInfo(
                                ValueInfoProto.newBuilder().setName(nameOf(v)).setType(t)));
    }

    /** {@return the graph being written, as {@link FusedForms} adds to it for {@code op}} */
    private FusedForms.Graph fusedGraph(GraphProto.Builder g, Operation op) {
        return new FusedForms.Graph() {
            @Override
            public String name(Value v) {
                return nameOf(v);
            }

            @Override
            public String fresh(String base) {
                return unique(base);
            }

            @Override
            public void initializer(TensorProto t) {
                g.addInitializer(t);
            }

            @Override
            public AttributeProto attribute(NamedAttribute a) throws OnnxException {
                return OnnxExporter.this.attribute(a.name(), a.value(), op);
            }
        };
    }

    private static ValueInfoProto valueInfo(String name, Value v, Operation where) throws OnnxException {
        return ValueInfoProto.newBuilder()
                .setName(name)
                .setType(OnnxTypes.typeProto(v.type())
                        .orElseThrow(() -> error(
                                where,
                                "type " + OnnxTypes.text(v.type()) + " of '" + name + "' has no ONNX equivalent")))
                .build();
    }

    private NodeProto node(Operation op) throws OnnxException {
        NodeProto.Builder n = NodeProto.newBuilder();
        String opType;
        Set<String> skip = new HashSet<>();
        List<String> regionNames;
        if (op.name().equals("graph.custom")) {
            opType = op.attribute("op_type")
                    .map(a -> ((StringAttr) a).value())
                    .orElseThrow(() -> error(op, "graph.custom without op_type"));
            op.attribute("domain").ifPresent(a -> n.setDomain(((StringAttr) a).value()));
            skip.addAll(List.of("op_type", "domain", "onnx.region_names"));
            regionNames = new ArrayList<>();
            if (op.attribute("onnx.region_names").orElse(null) instanceof ArrayAttr ra)
                for (Attribute a : ra.elements()) regionNames.add(((StringAttr) a).value());
        } else {
            opType = OnnxOps.opType(op.name()).orElseThrow(() -> error(op, "'" + op.name() + "' has no ONNX operator"));
            regionNames = switch (opType) {
                case "If" -> List.of("then_branch", "else_branch");
                case "Loop" -> List.of("body");
                default -> List.of();
            };
        }
        n.setName(op.loc() instanceof Location.Name nl ? nl.name() : unique(opType));
        List<String> ins = new ArrayList<>();
        for (Value v : op.operands()) ins.add(nameOf(v));
        if (opType.equals("Upsample")) {
            opType = "Resize";
            ins = new ArrayList<>(List.of(ins.get(0), "", ins.size() > 1 ? ins.get(1) : ""));
            String mode =
                    op.attribute("mode").map(a -> ((StringAttr) a).value()).orElse("nearest");
            if (mode.equals("bilinear")) mode = "linear";
            n.addAttribute(strAttr("mode", mode));
            n.addAttribute(strAttr("coordinate_transformation_mode", "asymmetric"));
            if (mode.equals("nearest")) n.addAttribute(strAttr("nearest_mode", "floor"));
            skip.add("mode");
        }
        while (!ins.isEmpty() && ins.get(ins.size() - 1).isEmpty()) ins.remove(ins.size() - 1);
        n.setOpType(opType).addAllInput(ins);
        int results = op.numResults();
        if (OPTIONAL_OUTPUTS.contains(opType))
            while (results > 1 && op.result(results - 1).hasNoUses()) results--;
        for (int r = 0; r < results; r++) n.addOutput(nameOf(op.result(r)));
        for (NamedAttribute a : op.attributes()) {
            if (skip.contains(a.name())) continue;
            n.addAttribute(attribute(a.name(), a.value(), op));
        }
        if (regionNames.size() != op.regions().size())
            throw error(op, "has " + op.regions().size() + " regions, expected " + regionNames.size());
        for (int i = 0; i < op.regions().size(); i++)
            n.addAttribute(AttributeProto.newBuilder()
                    .setName(regionNames.get(i))
                    .setType(AttributeProto.AttributeType.GRAPH)
                    .setG(subgraph(op.region(i), regionNames.get(i), op)));
        return n.build();
    }

    private GraphProto subgraph(Region r, String name, Operation owner) throws OnnxException {
        GraphProto.Builder g = GraphProto.newBuilder().setName(unique(name));
        Block b = r.entry();
        for (BlockArgument a : b.arguments()) g.addInput(valueInfo(nameOf(a), a, owner));
        Operation term = b.lastOp()
                .filter(o -> o.name().equals("graph.yield"))
                .orElseThrow(() -> error(owner, "a region does not end in graph.yield"));
        exportBlock(b, g, term, List.of());
        return g.build();
    }

    private static AttributeProto strAttr(String name, String value) {
        return AttributeProto.newBuilder()
                .setName(name)
                .setType(AttributeProto.AttributeType.STRING)
                .setS(ByteString.copyFromUtf8(value))
                .build();
    }

    private AttributeProto attribute(String name, Attribute a, Operation op) throws OnnxException {
        AttributeProto.Builder b = AttributeProto.newBuilder().setName(name);
        switch (a) {
            case IntegerAttr i -> b.setType(AttributeProto.AttributeType.INT).setI(i.longValue());
            case FloatAttr f -> b.setType(AttributeProto.AttributeType.FLOAT).setF((float) f.value());
            case StringAttr s ->
                b.setType(AttributeProto.AttributeType.STRING).setS(ByteString.copyFromUtf8(s.value()));
            case DenseArrayAttr d
            when d.elementType() instanceof IntegerType -> {
                b.setType(AttributeProto.AttributeType.INTS);
                for (long x : d.toLongArray()) b.addInts(x);
            }
            case DenseArrayAttr d
            when d.elementType() instanceof FloatType -> {
                b.setType(AttributeProto.AttributeType.FLOATS);
                for (int i = 0; i < d.size(); i++) b.addFloats((float) d.getDouble(i));
            }
            case ArrayAttr arr
            when arr.elements().stream().allMatch(e -> e instanceof StringAttr) -> {
                b.setType(AttributeProto.AttributeType.STRINGS);
                for (Attribute e : arr.elements()) b.addStrings(ByteString.copyFromUtf8(((StringAttr) e).value()));
            }
            case DenseElementsAttr d ->
                b.setType(AttributeProto.AttributeType.TENSOR).setT(tensor(d, "", op));
            case DenseResourceAttr d ->
                b.setType(AttributeProto.AttributeType.TENSOR).setT(tensor(d, "", op));
            case DenseStringElementsAttr d ->
                b.setType(AttributeProto.AttributeType.TENSOR).setT(tensor(d, "", op));
            default -> throw error(op, "attribute '" + name + "' (" + a + ") has no ONNX equivalent");
        }
        return b.build();
    }

    private static TensorProto tensor(Attribute a, String name, Operation op) throws OnnxException {
        TensorProto.Builder t = TensorProto.newBuilder();
        if (!name.isEmpty()) t.setName(name);
        ShapedType st = (ShapedType) a.type().orElseThrow(() -> error(op, "a tensor value without a type"));
        t.addAllDims(st.shape());
        t.setDataType(OnnxTypes.dataType(st.elementType())
                .orElseThrow(() -> error(op, "element type " + st.elementType() + " has no ONNX equivalent")));
        switch (a) {
            case DenseElementsAttr d -> {
                ByteBuffer bytes = d.data().bytes();
                if (d.splat() && st.numElements() != 1) {
                    int eb = DenseElementsAttr.elementBytes(st.elementType());
                    byte[] out = new byte[(int) (st.numElements() * eb)];
                    for (int i = 0; i < out.length; i++) out[i] = bytes.get(i % eb);
                    t.setRawData(UnsafeByteOperations.unsafeWrap(out));
                } else {
                    t.setRawData(UnsafeByteOperations.unsafeWrap(bytes));
                }
            }
            case DenseResourceAttr d ->
                t.setRawData(UnsafeByteOperations.unsafeWrap(d.handle()
                        .blob()
                        .orElseThrow(() -> error(op, "resource '" + d.handle().key() + "' has no data"))
                        .bytes()));
            case DenseStringElementsAttr d -> {
                for (long i = 0; i < st.numElements(); i++)
                    t.addStringData(ByteString.copyFromUtf8(d.values().get(d.splat() ? 0 : (int) i)));
            }
            default -> throw error(op, "value " + a + " is not a tensor");
        }
        return t.build();
    }
}
