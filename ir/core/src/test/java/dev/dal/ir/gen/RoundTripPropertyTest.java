package dev.dal.ir.gen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.dal.ir.Operation;
import dev.dal.ir.diag.Diagnostic;
import dev.dal.ir.diag.DiagnosticEngine;
import dev.dal.ir.diag.SourceFile;
import dev.dal.ir.parse.IrParser;
import dev.dal.ir.parse.ParserConfig;
import dev.dal.ir.print.IrPrinter;
import dev.dal.ir.print.PrintOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Print, parse and print again gives the same text, for random IR in every print mode. */
class RoundTripPropertyTest {
    private static final ParserConfig ALLOW = new ParserConfig(true);

    private static String reprint(String text, PrintOptions opts) {
        List<Diagnostic> diags = new ArrayList<>();
        Operation parsed = IrParser.parse(
                        new SourceFile("roundtrip.ir", text), ALLOW, DiagnosticEngine.collecting(diags))
                .orElseThrow(() -> new AssertionError("printed IR does not parse: " + diags + "\n" + text));
        return new IrPrinter(opts).print(parsed);
    }

    private static void checkFixedPoint(long seed, int size, PrintOptions opts) {
        String first = new IrPrinter(opts).print(RandomIr.module(seed, size));
        String second = reprint(first, opts);
        assertEquals(first, second, "print -> parse -> print is not a fixed point");
    }

    @Test
    void genericFormOfRandomIrIsAFixedPoint() {
        qt().withExamples(150)
                .forAll(longs().all(), integers().between(1, 30))
                .checkAssert((seed, size) -> checkFixedPoint(seed, size, PrintOptions.GENERIC));
    }

    @Test
    void prettyFormOfRandomIrIsAFixedPoint() {
        qt().withExamples(150)
                .forAll(longs().all(), integers().between(1, 30))
                .checkAssert((seed, size) -> checkFixedPoint(seed, size, PrintOptions.DEFAULT));
    }

    @Test
    void locationsSurviveTheRoundTripWithDebugInfo() {
        PrintOptions debug = new PrintOptions(false, true, OptionalLong.empty());
        qt().withExamples(100)
                .forAll(longs().all(), integers().between(1, 30))
                .checkAssert((seed, size) -> checkFixedPoint(seed, size, debug));
    }

    @Test
    void genericAndPrettyFormsParseToTheSameIr() {
        qt().withExamples(100).forAll(longs().all(), integers().between(1, 30)).checkAssert((seed, size) -> {
            Operation m = RandomIr.module(seed, size);
            String pretty = new IrPrinter(PrintOptions.DEFAULT).print(m);
            String generic = new IrPrinter(PrintOptions.GENERIC).print(m);
            assertEquals(generic, reprint(pretty, PrintOptions.GENERIC), "pretty form parses to different IR");
        });
    }
}
