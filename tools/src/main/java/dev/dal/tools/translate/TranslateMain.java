package dev.dal.tools.translate;

import dev.dal.ir.Operation;
import dev.dal.ir.diag.DiagnosticEngine;
import dev.dal.ir.diag.DiagnosticRenderer;
import dev.dal.ir.diag.SourceFile;
import dev.dal.ir.diag.SourceManager;
import dev.dal.ir.parse.IrParser;
import dev.dal.ir.parse.ParserConfig;
import dev.dal.ir.print.IrPrinter;
import dev.dal.ir.print.PrintOptions;
import dev.dal.ir.verify.Verifier;
import dev.dal.onnx.OnnxException;
import dev.dal.onnx.OnnxExporter;
import dev.dal.onnx.OnnxImporter;
import dev.dal.onnx.proto.Onnx.ModelProto;
import dev.dal.tools.Tool;
import dev.dal.tools.ToolIO;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * {@code dal-translate}: ONNX to {@code graph} dialect IR and back.
 *
 * <pre>
 * dal-translate --import-onnx model.onnx -o model.ir [--allow-unknown-ops] [--print-op-generic]
 * dal-translate --export-onnx model.ir -o model.onnx
 * </pre>
 * Errors name the file and node, exit with 1 (2 for usage errors), and leave no output file behind: outputs are
 * written atomically.
 */
public final class TranslateMain implements Tool {
    private static final String USAGE = "usage: dal-translate (--import-onnx <model.onnx> | --export-onnx <model.ir>)"
            + " -o <output> [--allow-unknown-ops] [--print-op-generic]";

    @Override
    public String name() {
        return "dal-translate";
    }

    @Override
    public int run(List<String> args, InputStream stdin, PrintStream stdout, PrintStream stderr) {
        return run(args, Path.of(""), stdin, stdout, stderr);
    }

    @Override
    public int run(List<String> args, Path workingDir, InputStream stdin, PrintStream stdout, PrintStream stderr) {
        String importFile = null, exportFile = null, output = null;
        boolean allowUnknown = false, generic = false;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--import-onnx", "--export-onnx", "-o" -> {
                    if (i + 1 >= args.size()) return usage(stderr, "option '" + a + "' needs a value");
                    String v = args.get(++i);
                    if (a.equals("-o")) output = v;
                    else if (a.equals("--import-onnx")) importFile = v;
                    else exportFile = v;
                }
                case "--allow-unknown-ops" -> allowUnknown = true;
                case "--print-op-generic" -> generic = true;
                case "-h", "--help" -> {
                    stdout.println(USAGE);
                    return 0;
                }
                default -> {
                    return usage(stderr, "unknown argument '" + a + "'");
                }
            }
        }
        if ((importFile == null) == (exportFile == null))
            return usage(stderr, "give exactly one of --import-onnx and --export-onnx");
        if (output == null) return usage(stderr, "no output file given (-o)");
        String out = output.equals("-") ? output : workingDir.resolve(output).toString();
        try {
            if (importFile != null)
                return importOnnx(workingDir.resolve(importFile), out, allowUnknown, generic, stdout, stderr);
            return exportOnnx(
                    exportFile.equals("-")
                            ? "-"
                            : workingDir.resolve(exportFile).toString(),
                    out,
                    stdin,
                    stdout,
                    stderr);
        } catch (OnnxException e) {
            stderr.println(e.getMessage());
            return 1;
        } catch (ToolIO.ToolIOException e) {
            stderr.println("error: " + e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            // a bug, not bad input: still no stack trace for the user, but enough to report it
            stderr.println("error: internal error: " + e);
            return 1;
        }
    }

    private static int usage(PrintStream stderr, String msg) {
        stderr.println("dal-translate: error: " + msg);
        stderr.println(USAGE);
        return 2;
    }

    private static int importOnnx(
            Path in, String out, boolean allowUnknown, boolean generic, PrintStream stdout, PrintStream stderr)
            throws OnnxException, ToolIO.ToolIOException {
        Operation module = OnnxImporter.importFile(in, new OnnxImporter.Options(allowUnknown));
        DiagnosticEngine diag = new DiagnosticEngine();
        diag.addHandler(new DiagnosticRenderer(new SourceManager(), stderr));
        if (!Verifier.verify(module, diag)) return 1;
        IrPrinter printer = new IrPrinter((generic ? PrintOptions.GENERIC : PrintOptions.DEFAULT).withDebugInfo(true));
        ToolIO.writeAtomically(out, o -> printer.printFile(module, o), stdout);
        return 0;
    }

    private static int exportOnnx(String in, String out, InputStream stdin, PrintStream stdout, PrintStream stderr)
            throws OnnxException, ToolIO.ToolIOException {
        String text = ToolIO.readText(in, stdin);
        SourceFile src = new SourceFile(in, text);
        SourceManager sources = new SourceManager();
        sources.add(src);
        DiagnosticEngine diag = new DiagnosticEngine();
        diag.addHandler(new DiagnosticRenderer(sources, stderr));
        // the graph dialect's ops are accepted even where its declarations are not on the class path
        Optional<Operation> module = IrParser.parse(src, new ParserConfig(true), diag);
        if (module.isEmpty() || diag.errorCount() > 0) return 1;
        if (!Verifier.verify(module.get(), diag)) return 1;
        ModelProto m = OnnxExporter.export(module.get());
        ToolIO.writeAtomically(out, m::writeTo, stdout);
        return 0;
    }

    /** Process entry. */
    public static void main(String[] args) {
        System.exit(new TranslateMain().run(List.of(args), System.in, System.out, System.err));
    }
}
