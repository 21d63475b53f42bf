package dev.dal.ir.print;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import dev.dal.ir.Operation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The generic form, byte for byte as mlir-opt 16 prints the same IR (expected texts observed from mlir-opt). */
class IrPrinterGenericTest {
    static Stream<Arguments> fixtures() {
        return Fixtures.all().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> Arguments.of(e.getKey(), e.getValue().getKey(), e.getValue().getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void genericFormIsWhatMlirOptPrints(String name, Supplier<Operation> build, String expected) {
        assertEquals(expected, Ir.generic(build.get()));
    }
}
