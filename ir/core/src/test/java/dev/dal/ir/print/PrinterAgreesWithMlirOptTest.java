package dev.dal.ir.print;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dal.ir.Operation;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Feeds DAL's generic output to the installed mlir-opt 16 and expects mlir-opt to print exactly the same text back
 * (plus the newline mlir-opt adds after the op): same numbering, same float digits, same aliases and resources.
 */
class PrinterAgreesWithMlirOptTest {
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.dal.ir.print.IrPrinterGenericTest#fixtures")
    void mlirOptReprintsDalsGenericOutputUnchanged(String name, Supplier<Operation> build, String expectedIgnored)
            throws Exception {
        StringBuilder dal = new StringBuilder();
        new IrPrinter(PrintOptions.GENERIC).printFile(build.get(), dal);
        MlirOpt.Result r = MlirOpt.generic(dal.toString());
        assertEquals(0, r.exitCode(), () -> "mlir-opt rejected DAL's output:\n" + r.stderr() + "\n" + dal);
        assertEquals(dal.toString(), r.stdout());
    }
}
