package dev.dal.dialect.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dal.ir.Operation;
import dev.dal.ir.opdef.Op;
import dev.dal.ir.opgen.OpDefProcessor;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code @OpFamily}: ops declared in several classes of one package join the dialect of their {@code @DialectDef}
 * class, which still gets one dialect class, one service entry and one reference page (as the graph dialect does).
 */
class OpFamilyProcessorTest {
    @TempDir
    Path out;

    private static final String IMPORTS = """
            import dev.dal.ir.*;
            import dev.dal.ir.opdef.*;
            import java.util.*;
            """;

    private static JavaFileObject source(String path, String text) {
        return new SimpleJavaFileObject(URI.create("string:///" + path), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return text;
            }
        };
    }

    private static String defs(String pkg, String annotation, String cls, String op) {
        return "package " + pkg + ";\n" + IMPORTS + "/** Ops. */\n" + annotation + "\npublic final class " + cls
                + " {\n  /** The op. */\n  @Op(name = \"" + op + "\")\n  public interface " + cls + "Thing {\n"
                + "    /** @return r */ @Result OpResult r();\n  }\n}\n";
    }

    private List<String> compile(List<JavaFileObject> files) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diags = new DiagnosticCollector<>();
        try (StandardJavaFileManager fm = javac.getStandardFileManager(diags, Locale.ROOT, StandardCharsets.UTF_8)) {
            Files.createDirectories(out.resolve("gen"));
            fm.setLocation(StandardLocation.CLASS_OUTPUT, List.of(out.toFile()));
            fm.setLocation(
                    StandardLocation.SOURCE_OUTPUT, List.of(out.resolve("gen").toFile()));
            fm.setLocation(StandardLocation.CLASS_PATH, List.of(location(Operation.class), location(Op.class)));
            JavaCompiler.CompilationTask task = javac.getTask(null, fm, diags, List.of("-proc:full"), null, files);
            task.setProcessors(List.of(new OpDefProcessor()));
            task.call();
        }
        List<String> errors = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : diags.getDiagnostics())
            if (d.getKind() == Diagnostic.Kind.ERROR) errors.add(d.getMessage(Locale.ROOT));
        return errors;
    }

    private static File location(Class<?> c) {
        try {
            return new File(
                    c.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void familiesJoinTheirDialectInOneClassServiceEntryAndPage() throws IOException {
        List<String> errors = compile(List.of(
                source(
                        "p/FamOpDefs.java",
                        defs("p", "@DialectDef(name = \"fam\", summary = \"s\")", "FamOpDefs", "base")),
                source("p/FamNnOpDefs.java", defs("p", "@OpFamily(dialect = \"fam\")", "FamNnOpDefs", "conv")),
                source("p/FamAbcOpDefs.java", defs("p", "@OpFamily(dialect = \"fam\")", "FamAbcOpDefs", "abs"))));
        assertEquals(List.of(), errors);
        assertTrue(Files.exists(out.resolve("p/FamDialect.class")));
        assertTrue(Files.exists(out.resolve("p/FamNnOpDefsThingOp.class")));
        assertEquals("p.FamDialect\n", Files.readString(out.resolve("META-INF/services/dev.dal.ir.Dialect")));
        String page = Files.readString(out.resolve("META-INF/dal/docs/fam.md"));
        // The dialect class's ops first, then the families by class name.
        int base = page.indexOf("### `fam.base`"),
                abs = page.indexOf("### `fam.abs`"),
                conv = page.indexOf("### `fam.conv`");
        assertTrue(base >= 0 && base < abs && abs < conv, page);
    }

    @Test
    void aFamilyWithoutItsDialectClassIsAnError() throws IOException {
        assertEquals(
                List.of("no @DialectDef class for dialect 'lost' in this compilation; an @OpFamily is compiled"
                        + " with its dialect's @DialectDef class"),
                compile(List.of(
                        source("p/LostOpDefs.java", defs("p", "@OpFamily(dialect = \"lost\")", "LostOpDefs", "x")))));
    }

    @Test
    void aFamilyInAnotherPackageIsAnError() throws IOException {
        assertEquals(
                List.of("@OpFamily class must be in package p, the package of FarOpDefs, which declares dialect"
                        + " 'far'"),
                compile(List.of(
                        source(
                                "p/FarOpDefs.java",
                                defs("p", "@DialectDef(name = \"far\", summary = \"s\")", "FarOpDefs", "a")),
                        source("q/FarNnOpDefs.java", defs("q", "@OpFamily(dialect = \"far\")", "FarNnOpDefs", "b")))));
    }

    @Test
    void anOpOutsideADialectOrFamilyClassIsAnError() throws IOException {
        String text = "package p;\n" + IMPORTS + "/** Not a dialect. */\npublic final class Loose {\n"
                + "  /** The op. */\n  @Op(name = \"x\")\n  public interface X {}\n}\n";
        assertEquals(
                List.of("@Op declarations are nested interfaces of a @DialectDef or @OpFamily class"),
                compile(List.of(source("p/Loose.java", text))));
    }
}
