package dev.dal.ir.opgen;

import dev.dal.ir.opdef.DialectDef;
import dev.dal.ir.opdef.Op;
import dev.dal.ir.opdef.OpFamily;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.annotation.processing.SupportedOptions;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * The op-definition generator. For every {@code @DialectDef} class it writes, in the class's package, one op class
 * per {@code @Op} declaration and the dialect class; it writes the module's
 * {@code META-INF/services/dev.dal.ir.Dialect} entry (all dialects of the module in one file) and each dialect's
 * reference page to {@code META-INF/dal/docs/<name>.md} in the class output, and also to the folder named by the
 * option {@code -Adal.docs.dir=...} when given. {@code @OpFamily} classes add their ops to the dialect of the same
 * name declared by a {@code @DialectDef} class of the same package in the same compilation.
 */
@SupportedAnnotationTypes({"dev.dal.ir.opdef.DialectDef", "dev.dal.ir.opdef.OpFamily", "dev.dal.ir.opdef.Op"})
@SupportedOptions(OpDefProcessor.DOCS_DIR_OPTION)
public final class OpDefProcessor extends AbstractProcessor {
    /** The processor option naming a folder to write the reference pages to. */
    public static final String DOCS_DIR_OPTION = "dal.docs.dir";

    private final Set<String> dialectClasses = new TreeSet<>();

    /** Creates the processor (javac calls this through its service entry). */
    public OpDefProcessor() {}

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        for (Element e : round.getElementsAnnotatedWith(Op.class)) {
            Element outer = e.getEnclosingElement();
            if (outer == null
                    || (outer.getAnnotation(DialectDef.class) == null && outer.getAnnotation(OpFamily.class) == null))
                error(e, "@Op declarations are nested interfaces of a @DialectDef or @OpFamily class");
        }
        Map<String, List<TypeElement>> families = new HashMap<>();
        for (Element e : round.getElementsAnnotatedWith(OpFamily.class)) {
            if (!(e instanceof TypeElement fam) || e.getEnclosingElement() instanceof TypeElement) {
                error(e, "@OpFamily goes on a top-level class");
                continue;
            }
            families.computeIfAbsent(fam.getAnnotation(OpFamily.class).dialect(), k -> new ArrayList<>())
                    .add(fam);
        }
        // Deterministic op order across compilations: the dialect class's ops first, then families by class name.
        families.values()
                .forEach(l ->
                        l.sort(Comparator.comparing(t -> t.getQualifiedName().toString())));
        Set<String> claimed = new TreeSet<>();
        if (!round.getElementsAnnotatedWith(DialectDef.class).isEmpty()) {
            DeclarationReader reader = new DeclarationReader(processingEnv);
            for (Element e : round.getElementsAnnotatedWith(DialectDef.class)) {
                if (!(e instanceof TypeElement defs) || e.getEnclosingElement() instanceof TypeElement) {
                    error(e, "@DialectDef goes on a top-level class");
                    continue;
                }
                String name = defs.getAnnotation(DialectDef.class).name();
                List<TypeElement> fams = families.getOrDefault(name, List.of());
                claimed.add(name);
                Optional<DialectModel> model = reader.read(defs, fams);
                model.ifPresent(d -> generate(d, defs));
            }
        }
        for (Map.Entry<String, List<TypeElement>> f : families.entrySet())
            if (!claimed.contains(f.getKey()))
                for (TypeElement fam : f.getValue())
                    error(
                            fam,
                            "no @DialectDef class for dialect '" + f.getKey() + "' in this compilation;"
                                    + " an @OpFamily is compiled with its dialect's @DialectDef class");
        if (round.processingOver() && !dialectClasses.isEmpty()) writeServices();
        return true;
    }

    private void generate(DialectModel d, TypeElement defs) {
        try {
            for (OpModel op : d.ops()) new OpClassGenerator(op).generate().writeTo(processingEnv.getFiler());
            DialectGenerator.generate(d).writeTo(processingEnv.getFiler());
            dialectClasses.add(d.dialectClass().reflectionName());
            String page = DocGenerator.generate(d);
            FileObject doc = processingEnv
                    .getFiler()
                    .createResource(StandardLocation.CLASS_OUTPUT, "", "META-INF/dal/docs/" + d.name() + ".md", defs);
            try (Writer w = doc.openWriter()) {
                w.write(page);
            }
            String dir = processingEnv.getOptions().get(DOCS_DIR_OPTION);
            if (dir != null && !dir.isBlank()) {
                Path folder = Path.of(dir);
                Files.createDirectories(folder);
                Files.writeString(folder.resolve(d.name() + ".md"), page, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            error(defs, "cannot write the files of dialect '" + d.name() + "': " + e.getMessage());
        }
    }

    private void writeServices() {
        try {
            FileObject f = processingEnv
                    .getFiler()
                    .createResource(StandardLocation.CLASS_OUTPUT, "", "META-INF/services/dev.dal.ir.Dialect");
            try (Writer w = f.openWriter()) {
                for (String c : dialectClasses) w.write(c + "\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write META-INF/services/dev.dal.ir.Dialect", e);
        }
    }

    private void error(Element e, String message) {
        processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, message, e);
    }
}
