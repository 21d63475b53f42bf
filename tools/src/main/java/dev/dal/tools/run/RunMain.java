package dev.dal.tools.run;

import dev.dal.ir.Operation;
import dev.dal.ir.StringAttr;
import dev.dal.ir.builtin.FuncOp;
import dev.dal.ir.diag.DiagnosticEngine;
import dev.dal.ir.diag.DiagnosticRenderer;
import dev.dal.ir.diag.SourceFile;
import dev.dal.ir.diag.SourceManager;
import dev.dal.ir.interp.Interpreter;
import dev.dal.ir.interp.InterpreterException;
import dev.dal.ir.interp.Npy;
import dev.dal.ir.interp.RunOptions;
import dev.dal.ir.interp.Tensor;
import dev.dal.ir.parse.IrParser;
import dev.dal.ir.parse.ParserConfig;
import dev.dal.ir.verify.Verifier;
import dev.dal.onnx.OnnxException;
import dev.dal.onnx.OnnxImporter;
import dev.dal.onnx.TensorProtos;
import dev.dal.tools.CommandLines;
import dev.dal.tools.Tool;
import dev.dal.tools.ToolIO;
import dev.dal.tools.Version;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code dal-run}: runs a model ({@code .ir} or {@code .onnx}) in DAL's interpreter on NumPy ({@code .npy}) or ONNX
 * {@code TensorProto} ({@code .pb}) inputs and writes one {@code <output name>.npy} (or {@code .pb}) per model output.
 *
 * <pre>
 * dal-run model.onnx --input input=x.npy [--input name=file.pb ...] -o outdir [--format npy|pb] [--function f]
 * </pre>
 *
 * Inputs are matched by their ONNX names (or by position: {@code 0=x.npy}); dynamic dimensions take their sizes
 * from the inputs given.
 */
@Command(
        name = "dal-run",
        mixinStandardHelpOptions = true,
        versionProvider = RunMain.VersionProvider.class,
        description = "Runs a model (.ir or .onnx) in DAL's interpreter on .npy inputs; writes <output>.npy files.")
public final class RunMain implements Tool {
    @Parameters(index = "0", paramLabel = "<model>", description = "The model: DAL IR (.ir, .mlir) or ONNX (.onnx)")
    private Path model;

    @Option(
            names = "--input",
            paramLabel = "<name>=<file.npy>",
            description = "An input by ONNX name or position (repeatable)")
    private List<String> inputs = new ArrayList<>();

    @Option(
            names = {"-o", "--output-dir"},
            required = true,
            paramLabel = "<dir>",
            description = "Folder for one <output name>.npy per model output")
    private Path outDir;

    @Option(names = "--function", paramLabel = "<name>", description = "The function to run (default: the only one)")
    private String function;

    @Option(names = "--threads", paramLabel = "<n>", description = "Threads for the kernels (default: all cores)")
    private int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--allow-unregistered-dialect", description = "Accept ops of unknown dialects in .ir input")
    private boolean allowUnregistered;

    @Option(
            names = "--format",
            paramLabel = "npy|pb",
            description = "Output file format: NumPy .npy (default) or ONNX TensorProto .pb")
    private String format = "npy";

    @Override
    public String name() {
        return "dal-run";
    }

    @Override
    public int run(List<String> args, InputStream stdin, PrintStream stdout, PrintStream stderr) {
        RunMain cmd = new RunMain();
        CommandLine cl = new CommandLine(cmd);
        cl.setOut(new PrintWriter(stdout, true));
        cl.setErr(new PrintWriter(stderr, true));
        CommandLines.Parsed parsed = CommandLines.parse(cl, "dal-run", args.toArray(String[]::new), stdout, stderr);
        if (parsed.done()) return parsed.exitCode();
        try {
            return cmd.execute(stdout, stderr);
        } catch (RunError e) {
            stderr.println("dal-run: error: " + e.getMessage());
            return 1;
        }
    }

    private int execute(PrintStream stdout, PrintStream stderr) throws RunError {
        if (!format.equals("npy") && !format.equals("pb"))
            throw new RunError("--format must be npy or pb, got '" + format + "'");
        Operation module = load(stderr).orElse(null);
        if (module == null) return 1;
        String fn = chooseFunction(module);
        Map<String, Tensor> given = new LinkedHashMap<>();
        for (String spec : inputs) {
            int eq = spec.indexOf('=');
            if (eq <= 0) throw new RunError("--input wants <name>=<file.npy>, got '" + spec + "'");
            Path file = Path.of(spec.substring(eq + 1));
            try {
                given.put(
                        spec.substring(0, eq),
                        file.toString().endsWith(".pb") ? TensorProtos.read(file) : Npy.read(file));
            } catch (IOException | OnnxException e) {
                throw new RunError("cannot read input '" + file + "': " + e.getMessage());
            }
        }
        Map<String, Tensor> outputs;
        try {
            Interpreter interp = Interpreter.load(module);
            outputs = interp.runNamed(fn, given, RunOptions.defaults().withThreads(Math.max(1, threads)));
        } catch (InterpreterException e) {
            stderr.println(e.getMessage());
            return 1;
        }
        try {
            Files.createDirectories(outDir);
        } catch (IOException e) {
            throw new RunError("cannot create output folder '" + outDir + "': " + e.getMessage());
        }
        for (Map.Entry<String, Tensor> e : outputs.entrySet()) {
            Path target = outDir.resolve(fileName(e.getKey()) + "." + format);
            try {
                byte[] bytes = format.equals("pb")
                        ? TensorProtos.fromTensor(e.getKey(), e.getValue()).toByteArray()
                        : Npy.toBytes(e.getValue());
                ToolIO.writeAtomically(target.toString(), out -> out.write(bytes), stdout);
            } catch (ToolIO.ToolIOException | OnnxException ex) {
                throw new RunError(ex.getMessage());
            }
            stdout.println(e.getKey() + ": " + e.getValue().dtype() + " "
                    + java.util.Arrays.toString(e.getValue().shape()) + " -> " + target);
        }
        return 0;
    }

    private Optional<Operation> load(PrintStream stderr) throws RunError {
        String name = model.getFileName().toString();
        if (name.endsWith(".onnx")) {
            try {
                return Optional.of(OnnxImporter.importFile(model, OnnxImporter.Options.DEFAULT));
            } catch (OnnxException e) {
                throw new RunError(e.getMessage());
            }
        }
        String text;
        try {
            text = Files.readString(model);
        } catch (IOException e) {
            throw new RunError("could not open input file '" + model + "': " + e.getMessage());
        }
        SourceFile src = new SourceFile(model.toString(), text);
        SourceManager sources = new SourceManager();
        sources.add(src);
        DiagnosticEngine diag = new DiagnosticEngine();
        diag.addHandler(new DiagnosticRenderer(sources, stderr));
        Optional<Operation> m = IrParser.parse(src, new ParserConfig(allowUnregistered), diag);
        if (m.isEmpty() || !Verifier.verify(m.get(), diag)) return Optional.empty();
        return m;
    }

    private String chooseFunction(Operation module) throws RunError {
        List<String> names = module.collect(FuncOp.class).stream()
                .filter(f -> !f.body().isEmpty())
                .map(f -> ((StringAttr) f.attribute("sym_name").orElseThrow()).value())
                .toList();
        if (function != null) {
            if (!names.contains(function))
                throw new RunError(
                        "no function named '" + function + "' (functions: " + String.join(", ", names) + ")");
            return function;
        }
        if (names.size() != 1)
            throw new RunError("the model has " + names.size() + " functions (" + String.join(", ", names)
                    + "); choose one with --function");
        return names.getFirst();
    }

    /** Output names become file names: path separators and other unsafe characters are replaced. */
    private static String fileName(String outputName) {
        return outputName.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    public static void main(String[] args) {
        System.exit(new RunMain().run(List.of(args), System.in, System.out, System.err));
    }

    /** A user error: reported as {@code dal-run: error: ...} with exit code 1. */
    private static final class RunError extends Exception {
        private static final long serialVersionUID = 1L;

        RunError(String message) {
            super(message);
        }
    }

    /** Reports the DAL version. */
    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"dal-run " + Version.VERSION};
        }
    }
}
