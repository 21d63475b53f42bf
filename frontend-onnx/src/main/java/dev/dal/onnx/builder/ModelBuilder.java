package dev.dal.onnx.builder;

import com.google.protobuf.ByteString;
import dev.dal.onnx.proto.Onnx.AttributeProto;
import dev.dal.onnx.proto.Onnx.GraphProto;
import dev.dal.onnx.proto.Onnx.ModelProto;
import dev.dal.onnx.proto.Onnx.NodeProto;
import dev.dal.onnx.proto.Onnx.OperatorSetIdProto;
import dev.dal.onnx.proto.Onnx.TensorProto;
import dev.dal.onnx.proto.Onnx.TensorProto.DataType;
import dev.dal.onnx.proto.Onnx.TensorShapeProto;
import dev.dal.onnx.proto.Onnx.TypeProto;
import dev.dal.onnx.proto.Onnx.ValueInfoProto;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds ONNX models in code, so tests make the graphs they need without binary fixtures:
 *
 * <pre>{@code
 * ModelProto m = ModelBuilder.graph("g").opset(13)
 *         .input("x", FLOAT, 1, 3, 8, 8)
 *         .initializer(ModelBuilder.floatTensor("w", new long[] {4, 3, 3, 3}, weights))
 *         .node("conv1", "Conv", List.of("x", "w"), List.of("y"), ModelBuilder.ints("pads", 1, 1, 1, 1))
 *         .output("y", FLOAT, 1, 4, 8, 8)
 *         .build();
 * }</pre>
 * Negative dimensions are dynamic ({@code dim_param} {@code "N"}).
 */
public final class ModelBuilder {
    private final GraphProto.Builder graph = GraphProto.newBuilder();
    private final Map<String, Long> opsets = new TreeMap<>();
    private long irVersion = 8;
    private String producer = "dal-model-builder";

    private ModelBuilder(String name) {
        graph.setName(name);
        opsets.put("", 13L);
    }

    /** {@return a builder of a model whose graph is named {@code name}, at opset 13 of the default domain} */
    public static ModelBuilder graph(String name) {
        return new ModelBuilder(name);
    }

    /** Sets the default domain's opset. */
    public ModelBuilder opset(long version) {
        opsets.put("", version);
        return this;
    }

    /** Imports {@code domain} at {@code version} (an empty domain is the default one). */
    public ModelBuilder opsetImport(String domain, long version) {
        opsets.put(domain, version);
        return this;
    }

    /** Sets the model's IR version (8 unless set). */
    public ModelBuilder irVersion(long v) {
        irVersion = v;
        return this;
    }

    /** Sets the producer name. */
    public ModelBuilder producer(String name) {
        producer = name;
        return this;
    }

    /** Adds a graph input of a tensor type with a shape (negative dimensions are dynamic). */
    public ModelBuilder input(String name, DataType type, long... dims) {
        graph.addInput(tensorInfo(name, type, dims));
        return this;
    }

    /** Adds a graph input of a tensor type without a shape. */
    public ModelBuilder inputUnranked(String name, DataType type) {
        graph.addInput(ValueInfoProto.newBuilder()
                .setName(name)
                .setType(TypeProto.newBuilder()
                        .setTensorType(TypeProto.Tensor.newBuilder().setElemType(type.getNumber()))));
        return this;
    }

    /** Adds a graph output of a tensor type with a shape. */
    public ModelBuilder output(String name, DataType type, long... dims) {
        graph.addOutput(tensorInfo(name, type, dims));
        return this;
    }

    /** Adds a graph output of a tensor type without a shape. */
    public ModelBuilder outputUnranked(String name, DataType type) {
        graph.addOutput(ValueInfoProto.newBuilder()
                .setName(name)
                .setType(TypeProto.newBuilder()
                        .setTensorType(TypeProto.Tensor.newBuilder().setElemType(type.getNumber()))));
        return this;
    }

    /** Adds a value_info entry. */
    public ModelBuilder valueInfo(String name, DataType type, long... dims) {
        graph.addValueInfo(tensorInfo(name, type, dims));
        return this;
    }

    /** Adds an initializer (its name is the tensor's). */
    public ModelBuilder initializer(TensorProto t) {
        graph.addInitializer(t);
        return this;
    }

    /** Adds an unnamed node of the default domain. */
    public ModelBuilder node(String opType, List<String> inputs, List<String> outputs, AttributeProto... attrs) {
        return node("", opType, inputs, outputs, attrs);
    }

    /** Adds a named node of the default domain. */
    public ModelBuilder node(
            String name, String opType, List<String> inputs, List<String> outputs, AttributeProto... attrs) {
        return customNode(name, "", opType, inputs, outputs, attrs);
    }

    /** Adds a named node of any domain. */
    public ModelBuilder customNode(
            String name,
            String domain,
            String opType,
            List<String> inputs,
            List<String> outputs,
            AttributeProto... attrs) {
        NodeProto.Builder n =
                NodeProto.newBuilder().setOpType(opType).addAllInput(inputs).addAllOutput(outputs);
        if (!name.isEmpty()) n.setName(name);
        if (!domain.isEmpty()) n.setDomain(domain);
        for (AttributeProto a : attrs) n.addAttribute(a);
        graph.addNode(n);
        return this;
    }

    /** {@return the graph alone (for If/Loop bodies)} */
    public GraphProto buildGraph() {
        return graph.build();
    }

    /** {@return the model} */
    public ModelProto build() {
        ModelProto.Builder m = ModelProto.newBuilder()
                .setIrVersion(irVersion)
                .setProducerName(producer)
                .setGraph(graph.build());
        for (var e : opsets.entrySet())
            m.addOpsetImport(
                    OperatorSetIdProto.newBuilder().setDomain(e.getKey()).setVersion(e.getValue()));
        return m.build();
    }

    // ---- values, tensors and attributes -----------------------------------------------------------------------

    /** {@return a tensor value info; negative dimensions are dynamic} */
    public static ValueInfoProto tensorInfo(String name, DataType type, long... dims) {
        TensorShapeProto.Builder s = TensorShapeProto.newBuilder();
        for (long d : dims) {
            TensorShapeProto.Dimension.Builder db = TensorShapeProto.Dimension.newBuilder();
            if (d >= 0) db.setDimValue(d);
            else db.setDimParam("N");
            s.addDim(db);
        }
        return ValueInfoProto.newBuilder()
                .setName(name)
                .setType(TypeProto.newBuilder()
                        .setTensorType(TypeProto.Tensor.newBuilder()
                                .setElemType(type.getNumber())
                                .setShape(s)))
                .build();
    }

    private static TensorProto.Builder tensor(String name, DataType type, long[] dims) {
        TensorProto.Builder t = TensorProto.newBuilder().setDataType(type.getNumber());
        if (!name.isEmpty()) t.setName(name);
        for (long d : dims) t.addDims(d);
        return t;
    }

    /** {@return a float tensor with its data in {@code raw_data}} */
    public static TensorProto floatTensor(String name, long[] dims, float... values) {
        ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) b.putFloat(v);
        return tensor(name, DataType.FLOAT, dims)
                .setRawData(ByteString.copyFrom(b.array()))
                .build();
    }

    /** {@return a float tensor with its data in {@code float_data}} */
    public static TensorProto floatTensorTyped(String name, long[] dims, float... values) {
        TensorProto.Builder t = tensor(name, DataType.FLOAT, dims);
        for (float v : values) t.addFloatData(v);
        return t.build();
    }

    /** {@return an int64 tensor with its data in {@code raw_data}} */
    public static TensorProto int64Tensor(String name, long[] dims, long... values) {
        ByteBuffer b = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (long v : values) b.putLong(v);
        return tensor(name, DataType.INT64, dims)
                .setRawData(ByteString.copyFrom(b.array()))
                .build();
    }

    /** {@return a tensor stored in an external data file ({@code location}, relative to the model's folder)} */
    public static TensorProto externalTensor(
            String name, DataType type, long[] dims, String location, long offset, long length) {
        return tensor(name, type, dims)
                .setDataLocation(TensorProto.DataLocation.EXTERNAL)
                .addExternalData(entry("location", location))
                .addExternalData(entry("offset", Long.toString(offset)))
                .addExternalData(entry("length", Long.toString(length)))
                .build();
    }

    private static dev.dal.onnx.proto.Onnx.StringStringEntryProto entry(String k, String v) {
        return dev.dal.onnx.proto.Onnx.StringStringEntryProto.newBuilder()
                .setKey(k)
                .setValue(v)
                .build();
    }

    /** {@return an INT attribute} */
    public static AttributeProto attr(String name, long value) {
        return AttributeProto.newBuilder()
                .setName(name)
                .setType(AttributeProto.AttributeType.INT)
                .setI(value)
                .build();
    }

    /** {@return a FLOAT attribute} */
    public static AttributeProto attr(String name, float value) {
        return AttributeProto.newBuilder()
                .setName(name)
                .setType(AttributeProto.AttributeType.FLOAT)
                .setF(value)
                .build();
    }

    /** {@return a STRING attribute} */
    public static AttributeProto attr(String name, String value) {
        return AttributeProto.newBuilder()
                .setName(name)
                .setType(AttributeProto.AttributeType.STRING)
                .setS(ByteString.copyFromUtf8(value))
                .build();
    }

    /** {@return a TENSOR attribute} */
    public static AttributeProto attr(String name, TensorProto value) {
        return AttributeProto.newBuilder()
                .setName(name)
                .setType(AttributeProto.AttributeType.TENSOR)
                .setT(value)
                .build();
    }

    /** {@return a GRAPH attribute} */
    public static AttributeProto attr(String name, GraphProto value) {
        return AttributeProto.newBuilder()
                .setName(name)
                .setType(AttributeProto.AttributeType.GRAPH)
                .setG(value)
                .build();
    }

    /** {@return an INTS attribute} */
    public static AttributeProto ints(String name, long... values) {
        AttributeProto.Builder a = AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INTS);
        for (long v : values) a.addInts(v);
        return a.build();
    }

    /** {@return a FLOATS attribute} */
    public static AttributeProto floats(String name, float... values) {
        AttributeProto.Builder a =
                AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.FLOATS);
        for (float v : values) a.addFloats(v);
        return a.build();
    }
}
