package dev.dal.ir.opgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dal.ir.Operation;
import dev.dal.ir.opdef.Op;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The processor turns mistakes in a declaration into compile errors that say what to change. The bad declarations
 * are compiled together, one dialect per source file, so the test costs two javac runs, not one per case.
 */
class OpDefProcessorDiagnosticsTest {
    @TempDir
    static Path out;

    private static final String TEMPLATE = """
            package p;
            import dev.dal.ir.*;
            import dev.dal.ir.opdef.*;
            import dev.dal.ir.trait.*;
            import java.util.*;
            /** A dialect for the test. */
            @DialectDef(name = "%s", summary = "a dialect for the test")
            public final class %sOpDefs {
                /** The op. */
                @Op(name = "op", traits = {%s})
                public interface %sThing {
            %s
                }
            }
            """;

    /** Case name to {traits, body} of its one op. */
    private static final Map<String, String[]> BAD = new LinkedHashMap<>();

    private static final Map<String, List<String>> ERRORS = new HashMap<>();

    static {
        BAD.put("unknownDefaultType", new String[] {"", "@Attr(defaultValue = \"1 : foo\") IntegerAttr x();"});
        BAD.put("wrongDefaultKind", new String[] {"", "@Attr(defaultValue = \"\\\"s\\\"\") IntegerAttr x();"});
        BAD.put("untranslatable", new String[] {"", "@Attr(defaultValue = \"#foo.bar\") IntegerAttr x();"});
        BAD.put("optionalDefault", new String[] {"", "@Attr(defaultValue = \"1\") Optional<IntegerAttr> x();"});
        BAD.put("hides", new String[] {"", "@Operand List<Value> operands();"});
        BAD.put("constraint", new String[] {"", "@Operand(type = \"FLOATY\") Value x();"});
        BAD.put("accessorType", new String[] {"", "@Operand OpResult x();"});
        BAD.put("traitMethod", new String[] {"HasParent.class", ""});
        BAD.put("unannotated", new String[] {"", "Value x();"});
    }

    @BeforeAll
    static void compileTheBadDeclarations() throws IOException {
        List<JavaFileObject> files = new ArrayList<>();
        for (var e : BAD.entrySet()) files.add(source(e.getKey(), e.getValue()[0], e.getValue()[1]));
        files.add(literal(
                "Twice",
                SHAPED.replace("shaped", "twice")
                        .replace("Shaped", "Twice")
                        .replace(
                                "/** Uses the pair. */",
                                "/** Declares a part of its shape again. */ @Op(name = \"again\") public interface"
                                        + " Again extends Pair { /** @return lhs */ @Operand Value lhs(); }"
                                        + " /** Uses the pair. */")));
        for (Diagnostic<? extends JavaFileObject> d : compile(out.resolve("bad"), files, "-proc:only")) {
            if (d.getKind() != Diagnostic.Kind.ERROR || d.getSource() == null) continue;
            String name = Path.of(d.getSource().toUri().getPath())
                    .getFileName()
                    .toString()
                    .replace("OpDefs.java", "");
            ERRORS.computeIfAbsent(name, k -> new ArrayList<>()).add(d.getMessage(Locale.ROOT));
        }
    }

    /** A dialect whose op takes its operands and attribute from a shape interface it extends. */
    private static final String SHAPED = """
            package p;
            import dev.dal.ir.*;
            import dev.dal.ir.opdef.*;
            /** A dialect for the test. */
            @DialectDef(name = "shaped", summary = "a dialect for the test")
            public final class ShapedOpDefs {
                /** Two inputs and a count, shared by ops. */
                public interface Pair {
                    /** @return lhs */ @Operand Value lhs();
                    /** @return rhs */ @Operand Value rhs();
                    /** @return k */ @Attr IntegerAttr k();
                }
                /** Uses the pair. */
                @Op(name = "first") public interface First extends Pair { /** @return r */ @Result OpResult r(); }
            }
            """;

    private static JavaFileObject source(String name, String traits, String body) {
        String cls = Character.toUpperCase(name.charAt(0)) + name.substring(1);
        return literal(cls, TEMPLATE.formatted(name.toLowerCase(Locale.ROOT), cls, traits, cls, body));
    }

    private static JavaFileObject literal(String cls, String text) {
        return new SimpleJavaFileObject(URI.create("string:///p/" + cls + "OpDefs.java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return text;
            }
        };
    }

    private static List<Diagnostic<? extends JavaFileObject>> compile(
            Path dir, List<JavaFileObject> files, String procMode) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diags = new DiagnosticCollector<>();
        try (StandardJavaFileManager fm = javac.getStandardFileManager(diags, Locale.ROOT, StandardCharsets.UTF_8)) {
            Files.createDirectories(dir.resolve("gen"));
            fm.setLocation(StandardLocation.CLASS_OUTPUT, List.of(dir.toFile()));
            fm.setLocation(
                    StandardLocation.SOURCE_OUTPUT, List.of(dir.resolve("gen").toFile()));
            fm.setLocation(StandardLocation.CLASS_PATH, List.of(location(Operation.class), location(Op.class)));
            JavaCompiler.CompilationTask task = javac.getTask(null, fm, diags, List.of(procMode), null, files);
            task.setProcessors(List.of(new OpDefProcessor()));
            task.call();
        }
        return diags.getDiagnostics();
    }

    /** {@return the errors reported on the case's source file} */
    private static List<String> errors(String name) {
        String cls = Character.toUpperCase(name.charAt(0)) + name.substring(1);
        return ERRORS.getOrDefault(cls, List.of());
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
    void aGoodDeclarationCompilesAndRegistersItsDialect() throws IOException {
        Path dir = out.resolve("good");
        List<JavaFileObject> files = List.of(source("good", "Pure.class", """
                                /** @return x */ @Operand(type = "FLOAT_TENSOR") Value x();
                                /** @return r */ @Result OpResult r();
                                /** @return m */ @Result Optional<OpResult> maybe();
                                /** @return s */ @Successor List<Block> targets();
                                /** @return k */ @Attr(defaultValue = "array<i32: 1, 2>") DenseArrayAttr k();
                        """), source("inherits", "", """
                                Location loc();
                                /** @return whether the op has a location */
                                default boolean located() { return !(loc() instanceof Location.Unknown); }
                        """));
        List<String> errors = compile(dir, files, "-proc:full").stream()
                .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                .map(d -> d.getMessage(Locale.ROOT))
                .toList();
        assertEquals(List.of(), errors, "an unannotated method of Operation is inherited, not an error");
        assertTrue(Files.exists(dir.resolve("p/GoodThingOp.class")));
        assertTrue(Files.exists(dir.resolve("p/GoodDialect.class")));
        assertEquals(
                "p.GoodDialect\np.InheritsDialect\n",
                Files.readString(dir.resolve("META-INF/services/dev.dal.ir.Dialect")),
                "the dialects of one compilation share one service file");
        assertTrue(Files.readString(dir.resolve("META-INF/dal/docs/good.md")).contains("### `good.op` (GoodThingOp)"));
    }

    @Test
    void anOpTakesThePartsOfTheInterfacesItExtends() throws IOException {
        Path dir = out.resolve("shaped");
        List<String> errors = compile(dir, List.of(literal("Shaped", SHAPED)), "-proc:full").stream()
                .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                .map(d -> d.getMessage(Locale.ROOT))
                .toList();
        assertEquals(List.of(), errors);
        String op = Files.readString(dir.resolve("gen/p/FirstOp.java"));
        for (String accessor : List.of("public Value lhs()", "public Value rhs()", "public IntegerAttr k()"))
            assertTrue(op.contains(accessor), accessor + " in\n" + op);
        assertTrue(
                op.indexOf("public Value lhs()") < op.indexOf("public Value rhs()"),
                "the shape's operands keep their order");
    }

    @Test
    void aPartDeclaredAgainBelowItsShapeIsRejected() throws IOException {
        assertEquals(List.of("part 'lhs()' is already declared in Pair"), errors("twice"));
    }

    @Test
    void anUnknownDefaultTypeIsRejected() throws IOException {
        assertEquals(
                List.of("attribute 'x': unknown integer type 'foo' in default value"), errors("unknownDefaultType"));
    }

    @Test
    void aDefaultOfTheWrongKindIsRejected() throws IOException {
        assertEquals(
                List.of("default value '\"s\"' of attribute 'x' is a StringAttr, but the attribute is declared as"
                        + " IntegerAttr"),
                errors("wrongDefaultKind"));
    }

    @Test
    void anUntranslatableDefaultListsTheUnderstoodForms() throws IOException {
        List<String> e = errors("untranslatable");
        assertEquals(1, e.size());
        assertTrue(
                e.getFirst().startsWith("attribute 'x': cannot translate default value '#foo.bar'; understood forms"),
                e.getFirst());
    }

    @Test
    void aDefaultedAttributeMustNotBeOptional() throws IOException {
        assertEquals(
                List.of("attribute 'x' has a default, so it is never absent: declare it as IntegerAttr, not"
                        + " Optional<IntegerAttr>"),
                errors("optionalDefault"));
    }

    @Test
    void anAccessorMayNotHideAnOperationMethod() throws IOException {
        assertEquals(
                List.of("accessor 'operands()' would hide Operation.operands(); choose another name"), errors("hides"));
    }

    @Test
    void anUnknownTypeConstraintIsRejected() throws IOException {
        List<String> e = errors("constraint");
        assertEquals(1, e.size());
        assertTrue(e.getFirst().startsWith("unknown type constraint 'FLOATY'"), e.getFirst());
    }

    @Test
    void aWrongAccessorTypeIsRejected() throws IOException {
        assertEquals(List.of("'x' must return Value, Optional<Value> or List<Value>"), errors("accessorType"));
    }

    @Test
    void aTraitMethodMustBeImplementedByTheDeclaration() throws IOException {
        assertEquals(
                List.of("'TraitMethodThing' must implement HasParent.requiredParent(...) as a default method"),
                errors("traitMethod"));
    }

    @Test
    void anUnannotatedAbstractMethodIsRejected() throws IOException {
        assertEquals(
                List.of("method 'x' has no @Operand, @Result, @Attr, @RegionDef or @Successor annotation and is"
                        + " not a method of Operation"),
                errors("unannotated"));
    }
}
