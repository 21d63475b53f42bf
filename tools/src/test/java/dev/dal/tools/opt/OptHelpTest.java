package dev.dal.tools.opt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dal.ir.pass.OptionInfo;
import dev.dal.ir.pass.PassInfo;
import dev.dal.ir.pass.PassRegistry;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code dal-opt --help} lists every registered pass with its options, and {@code --pass-statistics} reports. */
class OptHelpTest {
    private record Run(int code, String out, String err) {}

    private static Run run(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = new DalOpt()
                .run(
                        List.of(args),
                        new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The help text with every run of white space made one space, so wrapped descriptions compare whole. */
    private static String helpText() {
        Run r = run("", "--help");
        assertEquals(0, r.code(), r.err());
        return r.out().replaceAll("\\s+", " ");
    }

    @Test
    void helpListsEveryRegisteredPassWithItsDescriptionAndOptions() {
        String help = helpText();
        List<PassInfo> passes = PassRegistry.global().passes();
        assertTrue(passes.size() >= 3, "passes: " + passes);
        for (PassInfo p : passes) {
            assertTrue(
                    help.contains("--" + p.argument() + " " + p.description()), "pass " + p.argument() + "\n" + help);
            for (OptionInfo o : p.options())
                assertTrue(
                        help.contains(
                                o.name() + "=<" + o.type() + "> " + o.help() + " (default: " + o.defaultValue() + ")"),
                        "option " + o.name() + " of " + p.argument() + "\n" + help);
        }
    }

    @Test
    void helpListsThePreprocessPassAndItsOptions() {
        String help = helpText();
        assertTrue(help.contains("--preprocess Make an input take raw camera images"), help);
        for (String option : List.of(
                "input=<string>",
                "mean=<list<number>>",
                "std=<list<number>>",
                "layout=<nhwc|nchw>",
                "color=<rgb|bgr|gray>",
                "input-type=<u8|f32>",
                "fold=<boolean>")) assertTrue(help.contains(option), option + "\n" + help);
    }

    @Test
    void helpDescriptionsWrapUnderThemselvesWithinTheWidth() {
        Run r = run("", "--help");
        String passes = r.out().substring(r.out().indexOf("Passes:"));
        for (String line : passes.split("\\R")) {
            assertTrue(line.length() <= 110, line);
            if (!line.isBlank() && !line.startsWith(" ") && !line.startsWith("Passes:") && !line.startsWith("Exit"))
                throw new AssertionError("help line starts at the margin: " + line);
        }
    }

    @Test
    void passStatisticsReportThePreprocessCounts() {
        String ir = "func.func @main(%x: tensor<1x3x4x4xf32> {onnx.name = \"x\"}) -> tensor<1x3x4x4xf32> {\n"
                + "  %r = graph.relu %x : tensor<1x3x4x4xf32>\n"
                + "  return %r : tensor<1x3x4x4xf32>\n"
                + "}\n";
        Run r = run(ir, "--preprocess=mean=1,2,3 std=4 color=BGR", "--pass-statistics", "-o", "/dev/null");
        assertEquals(0, r.code(), r.err());
        String stats = r.err().replaceAll("\\s+", " ");
        // cast, transpose, gather, mul and add; nothing to fold into
        assertTrue(stats.contains("Preprocess (S) 5 num-inserted"), r.err());
        assertTrue(stats.contains("(S) 0 num-folded"), r.err());
    }
}
