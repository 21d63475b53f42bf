package dev.dal.ir.print;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dal.ir.Operation;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The generic form, byte for byte as mlir-opt 16 prints the same IR (expected texts observed from mlir-opt). */
class IrPrinterGenericTest {
    static Stream<Arguments> fixtures() {
        return Fixtures.all().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> Arguments.of(
                        e.getKey(), e.getValue().getKey(), e.getValue().getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void genericFormIsWhatMlirOptPrints(String name, Supplier<Operation> build, String expected) {
        assertEquals(expected, Ir.generic(build.get()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void byteStreamOutputIsTheSameText(String name, Supplier<Operation> build, String expected) throws Exception {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        new IrPrinter(PrintOptions.GENERIC).print(build.get(), bytes);
        assertEquals(expected, bytes.toString(java.nio.charset.StandardCharsets.UTF_8));
    }

    @org.junit.jupiter.api.Test
    void largeBlobsStreamToBytesAsHex() throws Exception {
        byte[] data = new byte[100_000];
        for (int i = 0; i < data.length; i++) data[i] = (byte) (i * 31);
        Operation m = Ir.module();
        var t = dev.dal.ir.TensorType.of(dev.dal.ir.IntegerType.I8, data.length);
        Ir.op(
                Ir.body(m),
                "foo.c",
                java.util.List.of(),
                java.util.List.of(),
                "v",
                new dev.dal.ir.DenseElementsAttr(t, dev.dal.ir.Blob.wrap(data), false));
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        new IrPrinter(PrintOptions.GENERIC).print(m, bytes);
        String text = bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(Ir.generic(m), text);
        StringBuilder hex = new StringBuilder();
        for (byte b : data) hex.append(String.format("%02X", b & 0xFF));
        assertEquals(true, text.contains("dense<\"0x" + hex + "\"> : tensor<100000xi8>"));
    }
}
