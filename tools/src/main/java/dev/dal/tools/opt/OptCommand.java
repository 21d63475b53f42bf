package dev.dal.tools.opt;

import dev.dal.ir.DialectRegistry;
import dev.dal.ir.Operation;
import dev.dal.ir.diag.DiagnosticEngine;
import dev.dal.ir.diag.DiagnosticRenderer;
import dev.dal.ir.diag.DiagnosticVerifier;
import dev.dal.ir.diag.SourceFile;
import dev.dal.ir.diag.SourceManager;
import dev.dal.ir.diag.SplitInput;
import dev.dal.ir.parse.IrParser;
import dev.dal.ir.parse.ParserConfig;
import dev.dal.ir.pass.OptionInfo;
import dev.dal.ir.pass.PassInfo;
import dev.dal.ir.pass.PassManager;
import dev.dal.ir.pass.PassRegistry;
import dev.dal.ir.pass.PassRunConfig;
import dev.dal.ir.pass.PipelineException;
import dev.dal.ir.pass.PipelineParser;
import dev.dal.ir.print.IrPrinter;
import dev.dal.ir.print.PrintOptions;
import dev.dal.ir.verify.Verifier;
import dev.dal.tools.CommandLines;
import dev.dal.tools.ToolIO;
import dev.dal.tools.Version;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Model.UsageMessageSpec;
import picocli.CommandLine.ParseResult;

/**
 * The {@code dal-opt} command line (picocli, built programmatically so that every registered pass becomes a flag:
 * {@code --canonicalize}, {@code --cse=...}). Pass flags run in the order given, after any {@code --pass-pipeline}.
 */
final class OptCommand {
    private final PrintStream out;
    private final PrintStream err;
    private final InputStream in;

    private OptCommand(InputStream in, PrintStream out, PrintStream err) {
        this.in = in;
        this.out = out;
        this.err = err;
    }

    /** Runs {@code dal-opt} with {@code args}. @return the exit code: 0 ok, 1 errors in the input, 2 bad usage */
    static int execute(String[] args, InputStream in, PrintStream out, PrintStream err) {
        return new OptCommand(in, out, err).run(args);
    }

    private static final String[][] FLAGS = {
        // name(s), value label (empty = boolean), description
        {"-o,--output", "<file>", "Output file (default: stdout)"},
        {"--pass-pipeline", "<pipeline>", "A textual pass pipeline, e.g. 'builtin.module(func.func(canonicalize,cse))'"
        },
        {"--split-input-file", "", "Split the input at '// -----' lines and process each chunk separately"},
        {"--verify-diagnostics", "", "Check that emitted diagnostics match the expected-* annotations of the input"},
        {"--verify-each", "[<bool>]", "Run the verifier after each pass (default: true)"},
        {"--print-ir-before-all", "", "Print the IR before every pass"},
        {"--print-ir-after-all", "", "Print the IR after every pass"},
        {"--print-ir-before", "<passes>", "Print the IR before the named passes (comma-separated)"},
        {"--print-ir-after", "<passes>", "Print the IR after the named passes (comma-separated)"},
        {"--timing,--mlir-timing", "", "Report the wall time of parsing, verifying, each pass and output"},
        {"--pass-statistics,--mlir-pass-statistics", "", "Report the statistics of each pass"},
        {"--print-op-generic,--mlir-print-op-generic", "", "Print every op in MLIR's generic form"},
        {"--print-debuginfo,--mlir-print-debuginfo", "", "Print locations"},
        {
            "--elide-large-constants",
            "[<n>]",
            "Print element attributes with more than n (default 16) elements as dense_resource<__elided__>"
        },
        {"--mlir-elide-elementsattrs-if-larger", "<n>", "Same as --elide-large-constants=<n>"},
        {"--allow-unregistered-dialect", "", "Keep ops of unknown dialects in generic form instead of rejecting them"},
        {"--show-dialects", "", "List the registered dialects and exit"},
        {"--generate-completion", "", "Print a bash completion script for dal-opt and exit"},
    };

    private CommandSpec spec(List<PassInfo> passes) {
        CommandSpec spec = CommandSpec.create()
                .name("dal-opt")
                .mixinStandardHelpOptions(true)
                .version("dal-opt " + Version.VERSION);
        UsageMessageSpec usage = spec.usageMessage().width(110);
        usage.description(
                "DAL's modular optimizer: reads IR (generic or pretty form), runs passes, writes IR.",
                "Pass flags run in the order given; each takes its options as --<pass>='opt=value opt2=value',",
                "or as flags after it: --<pass> --opt=value --opt2 value (a bare boolean option means true).");
        usage.footerHeading("%nPasses:%n");
        List<String> footer = new ArrayList<>();
        for (PassInfo p : passes) {
            addWrapped(
                    footer,
                    String.format("  --%-32s ", p.argument()),
                    p.description()
                            + p.anchor().map(a -> " (on " + a + ")").orElse("")
                            + (p.aliases().isEmpty() ? "" : " (also --" + String.join(", --", p.aliases()) + ")"));
            for (OptionInfo o : p.options())
                addWrapped(
                        footer,
                        String.format("      %-30s ", o.name() + "=<" + o.type() + ">"),
                        o.help() + " (default: " + o.defaultValue() + ")");
        }
        footer.add("");
        footer.add("Exit codes: 0 success, 1 errors in the input or a failing pass, 2 bad command line.");
        usage.footer(footer.toArray(String[]::new));
        for (String[] f : FLAGS) {
            OptionSpec.Builder b = OptionSpec.builder(f[0].split(",")).description(f[2]);
            if (f[1].isEmpty()) b.arity("0").type(boolean.class);
            else if (f[1].startsWith("["))
                b.arity("1").type(String.class).paramLabel(f[1].substring(1, f[1].length() - 1));
            else b.arity("1").type(String.class).paramLabel(f[1]);
            if (f[0].equals("--pass-pipeline") || f[0].equals("--print-ir-before") || f[0].equals("--print-ir-after"))
                b.type(List.class).auxiliaryTypes(String.class);
            spec.addOption(b.build());
        }
        for (PassInfo p : passes)
            spec.addOption(OptionSpec.builder(flagNames(p))
                    .arity("1")
                    .type(String.class)
                    .paramLabel("<options>")
                    .description(p.description())
                    .hidden(true)
                    .build());
        spec.addPositional(PositionalParamSpec.builder()
                .index("0")
                .arity("0..1")
                .paramLabel("<input>")
                .type(String.class)
                .description("Input file (default: stdin)")
                .build());
        return spec;
    }

    /** {@return dal-opt's own flags: those that take the next argument as value, or all of them} */
    private static Set<String> flagNames(boolean onlyWithValue) {
        Set<String> out = new LinkedHashSet<>(onlyWithValue ? List.of() : List.of("--help", "--version"));
        for (String[] f : FLAGS)
            if (!onlyWithValue || (!f[1].isEmpty() && !f[1].startsWith("["))) out.addAll(List.of(f[0].split(",")));
        return out;
    }

    /** {@return a pass's flag and its aliases' flags: {@code --graph-fuse}, {@code --fuse}} */
    private static String[] flagNames(PassInfo p) {
        List<String> names = new ArrayList<>();
        names.add("--" + p.argument());
        for (String a : p.aliases()) names.add("--" + a);
        return names.toArray(String[]::new);
    }

    /** The width of the help text; a pass's description wraps under itself rather than at the left margin. */
    private static final int HELP_WIDTH = 108;

    /** Adds {@code head} followed by {@code text}, wrapped at word breaks with continuation lines under the text. */
    private static void addWrapped(List<String> out, String head, String text) {
        int column = head.length();
        StringBuilder line = new StringBuilder(head);
        for (String word : text.split(" ")) {
            if (line.length() > column && line.length() + 1 + word.length() > HELP_WIDTH) {
                out.add(line.toString());
                line = new StringBuilder(" ".repeat(column));
            } else if (line.length() > column) line.append(' ');
            line.append(word);
        }
        out.add(line.toString());
    }

    private int run(String[] args) {
        // --version must stay fast: answer it before loading passes and dialects.
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            out.println("dal-opt " + Version.VERSION);
            return 0;
        }
        PassRegistry registry = PassRegistry.global();
        List<PassInfo> passes = registry.passes();
        try {
            args = PassOptionFlags.attach(args, registry, flagNames(true), flagNames(false));
        } catch (PassOptionFlags.UsageException e) {
            err.println("dal-opt: error: " + e.getMessage());
            return 2;
        }
        args = withOptionalValues(args, registry);
        CommandSpec spec = spec(passes);
        CommandLine cl = new CommandLine(spec);
        cl.setOut(new java.io.PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true));
        cl.setErr(new java.io.PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true));
        CommandLines.Parsed parsed = CommandLines.parse(cl, "dal-opt", args, out, err);
        if (parsed.done()) return parsed.exitCode();
        ParseResult pr = parsed.result().orElseThrow();
        if (flag(pr, "--generate-completion")) {
            out.print(AutoComplete.bash("dal-opt", cl));
            return 0;
        }
        if (flag(pr, "--show-dialects")) {
            out.println("Available Dialects:");
            DialectRegistry.global()
                    .dialects()
                    .values()
                    .forEach(d -> out.println("  " + d.name() + " - " + d.summary()));
            return 0;
        }

        // Pipeline: --pass-pipeline first, then pass flags in command-line order. Each chunk of a split input gets
        // a fresh pass manager (statistics are per run), so keep the texts and check them once up front.
        List<String> pipeline =
                new ArrayList<>(this.<List<String>>value(pr, "--pass-pipeline").orElse(List.of()));
        for (String arg : args) {
            if (!arg.startsWith("--") || arg.equals("--")) continue;
            String name = arg.substring(2);
            String opts = "";
            int eq = name.indexOf('=');
            if (eq >= 0) {
                opts = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (registry.contains(name)) pipeline.add(opts.isEmpty() ? name : name + "{" + opts + "}");
        }
        if (buildPipeline(pipeline, registry).isEmpty()) return 1;

        OptionalLong elide = OptionalLong.empty();
        Optional<String> el = value(pr, "--elide-large-constants");
        if (pr.hasMatchedOption("--elide-large-constants")) elide = OptionalLong.of(parseCount(el.orElse("16")));
        Optional<String> mel = value(pr, "--mlir-elide-elementsattrs-if-larger");
        if (mel.isPresent()) elide = OptionalLong.of(parseCount(mel.get()));
        if (elide.isPresent() && elide.getAsLong() < 0) {
            err.println("dal-opt: error: the element count for eliding constants must be a non-negative integer");
            return 2;
        }
        PrintOptions printOptions =
                new PrintOptions(flag(pr, "--print-op-generic"), flag(pr, "--print-debuginfo"), elide);
        IrPrinter printer = new IrPrinter(printOptions);
        boolean verifyEach = value(pr, "--verify-each")
                .map(v -> !v.equals("false") && !v.equals("0"))
                .orElse(true);
        PassRunConfig config = new PassRunConfig()
                .verifyEach(verifyEach)
                .printIrBeforeAll(flag(pr, "--print-ir-before-all"))
                .printIrAfterAll(flag(pr, "--print-ir-after-all"))
                .printIrBefore(names(pr, "--print-ir-before"))
                .printIrAfter(names(pr, "--print-ir-after"))
                .timing(flag(pr, "--timing"))
                .statistics(flag(pr, "--pass-statistics"))
                .printer(new IrPrinter(
                        new PrintOptions(printOptions.generic(), printOptions.debugInfo(), OptionalLong.of(16)))::print)
                .out(err);
        ParserConfig parserConfig = new ParserConfig(flag(pr, "--allow-unregistered-dialect"));

        String input = this.<String>value(pr, "<input>").orElse("-");
        String output = this.<String>value(pr, "--output").orElse("-");
        CharSequence text;
        try {
            text = ToolIO.readBytes(input, in);
        } catch (ToolIO.ToolIOException e) {
            err.println("dal-opt: error: " + e.getMessage());
            return 1;
        }
        String name = input.equals("-") ? "<stdin>" : input;
        // Split chunks are strings (small hand-written test files): decode the bytes first, so that non-ASCII
        // text stays characters rather than bytes posing as characters.
        boolean split = flag(pr, "--split-input-file");
        SourceFile file = new SourceFile(name, split ? text.toString() : text);
        List<SourceFile> chunks = split ? SplitInput.split(file) : List.of(file);
        boolean verifyDiagnostics = flag(pr, "--verify-diagnostics");

        long[] phases = new long[4]; // parse, verify, passes, output (nanoseconds)
        List<Operation> results = new ArrayList<>();
        boolean ok = true;
        for (int i = 0; i < chunks.size(); i++) {
            SourceFile chunk = chunks.get(i);
            SourceManager sources = new SourceManager();
            sources.add(chunk);
            DiagnosticEngine diag = new DiagnosticEngine();
            DiagnosticVerifier verifier = null;
            if (verifyDiagnostics) {
                verifier = new DiagnosticVerifier(chunk);
                diag.addHandler(verifier);
            } else {
                diag.addHandler(new DiagnosticRenderer(sources, err));
            }
            List<PassManager> pms = buildPipeline(pipeline, registry).orElseThrow();
            Operation printed = processChunk(chunk, parserConfig, pms, config, diag, phases);
            if (verifier != null) {
                DiagnosticEngine report = new DiagnosticEngine();
                report.addHandler(new DiagnosticRenderer(sources, err));
                if (!verifier.finish(report)) ok = false;
            } else if (printed == null) {
                ok = false;
            }
            if (printed != null) results.add(printed);
        }
        if (!ok) return 1;
        try {
            // Straight from the IR to the output bytes: a 200 MB weights file never exists as one Java string.
            long t0 = System.nanoTime();
            ToolIO.writeAtomically(
                    output,
                    o -> {
                        for (int i = 0; i < results.size(); i++) {
                            if (i > 0) o.write("// -----\n".getBytes(StandardCharsets.US_ASCII));
                            printer.print(results.get(i), o);
                        }
                        o.flush();
                    },
                    out);
            phases[3] = System.nanoTime() - t0;
            if (flag(pr, "--timing")) {
                err.printf(
                        java.util.Locale.ROOT,
                        "dal-opt phases (wall): parse %.3f s, verify %.3f s, passes %.3f s," + " output %.3f s%n",
                        phases[0] / 1e9,
                        phases[1] / 1e9,
                        phases[2] / 1e9,
                        phases[3] / 1e9);
            }
        } catch (ToolIO.ToolIOException e) {
            err.println("dal-opt: error: " + e.getMessage());
            return 1;
        }
        return 0;
    }

    /**
     * {@return one pass manager per pipeline text, run one after the other on the top-level module, or empty after
     * reporting an error} A text {@code builtin.module(...)} is anchored on the module itself; a plain list
     * ({@code canonicalize,cse}) runs on whatever op it is given, as in mlir-opt.
     */
    private Optional<List<PassManager>> buildPipeline(List<String> texts, PassRegistry registry) {
        List<PassManager> pms = new ArrayList<>();
        for (String text : texts) {
            try {
                pms.add(PipelineParser.parse(text, registry));
            } catch (PipelineException e) {
                err.print(e.render("<pass-pipeline>"));
                return Optional.empty();
            }
        }
        return Optional.of(pms);
    }

    /**
     * Gives the flags whose value is optional ({@code --verify-each}, {@code --elide-large-constants}, pass flags)
     * their default when written bare, so that a bare flag never swallows the input file name that follows it.
     */
    private static String[] withOptionalValues(String[] args, PassRegistry registry) {
        String[] out = args.clone();
        for (int i = 0; i < out.length; i++) {
            String a = out[i];
            if (!a.startsWith("--") || a.contains("=")) continue;
            String name = a.substring(2);
            if (name.equals("verify-each")) out[i] = a + "=true";
            else if (name.equals("elide-large-constants")) out[i] = a + "=16";
            else if (registry.contains(name)) out[i] = a + "=";
        }
        return out;
    }

    /** Parses, verifies and runs the pipelines on one chunk. @return the resulting module, or null on errors */
    private static Operation processChunk(
            SourceFile chunk,
            ParserConfig parserConfig,
            List<PassManager> pms,
            PassRunConfig config,
            DiagnosticEngine diag,
            long[] phases) {
        long t0 = System.nanoTime();
        Optional<Operation> parsed = IrParser.parse(chunk, parserConfig, diag);
        long t1 = System.nanoTime();
        phases[0] += t1 - t0;
        if (parsed.isEmpty() || diag.errorCount() > 0) return null;
        Operation module = parsed.get();
        boolean verified = Verifier.verify(module, diag);
        long t2 = System.nanoTime();
        phases[1] += t2 - t1;
        if (!verified) return null;
        boolean ran = true;
        for (PassManager pm : pms) {
            ran = pm.run(module, config, diag);
            if (!ran) break;
        }
        phases[2] += System.nanoTime() - t2;
        if (!ran) return null;
        if (diag.errorCount() > 0) return null;
        return module;
    }

    private static long parseCount(String s) {
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static boolean flag(ParseResult pr, String name) {
        return pr.hasMatchedOption(name) && Boolean.TRUE.equals(pr.matchedOptionValue(name, Boolean.FALSE));
    }

    private <T> Optional<T> value(ParseResult pr, String name) {
        if (name.startsWith("<")) {
            return pr.hasMatchedPositional(0)
                    ? Optional.ofNullable(pr.matchedPositionalValue(0, null))
                    : Optional.empty();
        }
        if (!pr.hasMatchedOption(name)) return Optional.empty();
        return Optional.ofNullable(pr.matchedOptionValue(name, null));
    }

    private Set<String> names(ParseResult pr, String name) {
        Set<String> out = new LinkedHashSet<>();
        for (String v : this.<List<String>>value(pr, name).orElse(List.of()))
            for (String s : v.split(",")) if (!s.isBlank()) out.add(s.trim());
        return out;
    }
}
