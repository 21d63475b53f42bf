package dev.dal.ir.opgen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import dev.dal.ir.opdef.Attr;
import dev.dal.ir.opdef.DialectDef;
import dev.dal.ir.opdef.Op;
import dev.dal.ir.opdef.Operand;
import dev.dal.ir.opdef.RegionDef;
import dev.dal.ir.opdef.Result;
import dev.dal.ir.opdef.Successor;
import dev.dal.ir.opgen.OpModel.Arity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import javax.tools.Diagnostic;

/**
 * Reads a {@code @DialectDef} class and its {@code @Op} declarations into a {@link DialectModel}, reporting every
 * mistake in the declarations as a compile error on the element at fault.
 */
final class DeclarationReader {
    static final String IR = "dev.dal.ir";
    static final ClassName TRAITS = ClassName.get(IR + ".trait", "Traits");

    private static final Map<String, String> ATTRIBUTE_KINDS = Map.ofEntries(
            Map.entry("IntegerAttr", "integer attribute"),
            Map.entry("FloatAttr", "float attribute"),
            Map.entry("StringAttr", "string attribute"),
            Map.entry("BoolAttr", "bool attribute"),
            Map.entry("UnitAttr", "unit attribute"),
            Map.entry("ArrayAttr", "array attribute"),
            Map.entry("DenseArrayAttr", "dense array attribute"),
            Map.entry("DictionaryAttr", "dictionary attribute"),
            Map.entry("TypeAttr", "type attribute"),
            Map.entry("SymbolRefAttr", "symbol reference attribute"),
            Map.entry("DenseElementsAttr", "dense elements attribute"),
            Map.entry("DenseStringElementsAttr", "dense string elements attribute"),
            Map.entry("DenseResourceAttr", "dense resource attribute"),
            Map.entry("LocationAttr", "location attribute"),
            Map.entry("OpaqueAttr", "opaque attribute"),
            Map.entry("Attribute", "attribute"));

    /** Builder parameter names that accessors may not take. */
    private static final Set<String> RESERVED = Set.of("b", "state", "diag", "rw");

    private final Elements elements;
    private final Types types;
    private final Messager messager;
    private final TypeElement operation, typeConstraint, verifiable;
    private final TypeMirror value, opResult, region, block, attribute, list, optional;
    private boolean failed;

    DeclarationReader(ProcessingEnvironment env) {
        elements = env.getElementUtils();
        types = env.getTypeUtils();
        messager = env.getMessager();
        operation = required(IR + ".Operation");
        typeConstraint = required(IR + ".TypeConstraint");
        verifiable = required(IR + ".Verifiable");
        value = erased(IR + ".Value");
        opResult = erased(IR + ".OpResult");
        region = erased(IR + ".Region");
        block = erased(IR + ".Block");
        attribute = erased(IR + ".Attribute");
        list = erased("java.util.List");
        optional = erased("java.util.Optional");
    }

    private TypeElement required(String name) {
        TypeElement t = elements.getTypeElement(name);
        if (t == null) throw new IllegalStateException("dal-opgen needs " + name + " (dal-ir) on the class path");
        return t;
    }

    private TypeMirror erased(String name) {
        return types.erasure(required(name).asType());
    }

    private void error(Element e, String message) {
        failed = true;
        messager.printMessage(Diagnostic.Kind.ERROR, message, e);
    }

    /** {@return the dialect, or empty if the declaration has errors (already reported)} */
    Optional<DialectModel> read(TypeElement defs) {
        return read(defs, List.of());
    }

    /**
     * {@return the dialect declared by {@code defs} with the ops of its {@code @OpFamily} classes, or empty if the
     * declarations have errors (already reported)}
     */
    Optional<DialectModel> read(TypeElement defs, List<TypeElement> families) {
        failed = false;
        DialectDef dd = defs.getAnnotation(DialectDef.class);
        String name = dd.name();
        if (!name.matches("[a-z_][a-z0-9_]*"))
            error(defs, "dialect name '" + name + "' must be a lowercase identifier");
        ClassName defsClass = ClassName.get(defs);
        String dialectSimple = dd.className().isEmpty() ? capitalize(camel(name)) + "Dialect" : dd.className();
        ClassName dialectClass = ClassName.get(defsClass.packageName(), dialectSimple);
        List<OpModel> ops = new ArrayList<>();
        Set<String> opNames = new HashSet<>();
        List<Element> decls = new ArrayList<>(defs.getEnclosedElements());
        for (TypeElement fam : families) {
            String pkg = elements.getPackageOf(fam).getQualifiedName().toString();
            if (!pkg.equals(defsClass.packageName())) {
                error(
                        fam,
                        "@OpFamily class must be in package " + defsClass.packageName() + ", the package of "
                                + defsClass.simpleName() + ", which declares dialect '" + name + "'");
                continue;
            }
            decls.addAll(fam.getEnclosedElements());
        }
        for (Element e : decls) {
            if (e.getAnnotation(Op.class) == null) continue;
            if (e.getKind() != ElementKind.INTERFACE) {
                error(
                        e,
                        "@Op goes on an interface (the op declaration), not on a "
                                + e.getKind().toString().toLowerCase(Locale.ROOT));
                continue;
            }
            readOp(name, defsClass, (TypeElement) e).ifPresent(op -> {
                if (!opNames.add(op.fullName())) error(e, "op '" + op.fullName() + "' is declared twice");
                ops.add(op);
            });
        }
        boolean materializer = hasMaterializer(defs);
        boolean typeParser = hasTypeParser(defs);
        String doc = Optional.ofNullable(elements.getDocComment(defs)).orElse("");
        return failed
                ? Optional.empty()
                : Optional.of(new DialectModel(
                        name, dd.summary(), doc, defsClass, dialectClass, materializer, typeParser, ops));
    }

    private boolean hasMaterializer(TypeElement defs) {
        for (ExecutableElement m : ElementFilter.methodsIn(defs.getEnclosedElements())) {
            if (!m.getSimpleName().contentEquals("materializeConstant")) continue;
            String sig = m.getParameters().stream()
                    .map(p -> types.erasure(p.asType()).toString())
                    .toList()
                    .toString();
            boolean ok = m.getModifiers().contains(Modifier.STATIC)
                    && !m.getModifiers().contains(Modifier.PRIVATE)
                    && sig.equals("[dev.dal.ir.Builder, dev.dal.ir.Attribute, dev.dal.ir.Type, dev.dal.ir.Location]")
                    && types.isSameType(types.erasure(m.getReturnType()), optional);
            if (!ok)
                error(
                        m,
                        "materializeConstant must be 'static Optional<Operation> materializeConstant(Builder b,"
                                + " Attribute value, Type type, Location loc)'");
            return ok;
        }
        return false;
    }

    private boolean hasTypeParser(TypeElement defs) {
        for (ExecutableElement m : ElementFilter.methodsIn(defs.getEnclosedElements())) {
            if (!m.getSimpleName().contentEquals("parseType")) continue;
            boolean ok = m.getModifiers().contains(Modifier.STATIC)
                    && !m.getModifiers().contains(Modifier.PRIVATE)
                    && m.getParameters().size() == 1
                    && types.erasure(m.getParameters().get(0).asType())
                            .toString()
                            .equals("java.lang.String")
                    && types.isSameType(types.erasure(m.getReturnType()), optional);
            if (!ok) error(m, "parseType must be 'static Optional<Type> parseType(String body)'");
            return ok;
        }
        return false;
    }

    private Optional<OpModel> readOp(String dialect, ClassName defsClass, TypeElement decl) {
        Op op = decl.getAnnotation(Op.class);
        String fullName = dialect + "." + op.name();
        if (!op.name().matches("[A-Za-z_][A-Za-z0-9_$.]*"))
            error(decl, "op name '" + op.name() + "' is not a valid identifier");
        ClassName declaration = ClassName.get(decl);
        String simple = op.className().isEmpty() ? decl.getSimpleName() + "Op" : op.className();
        ClassName opClass = ClassName.get(defsClass.packageName(), simple);

        List<TypeElement> traitElements = classValues(decl, "traits");
        List<ClassName> traits = new ArrayList<>();
        for (TypeElement t : traitElements) {
            if (t.getKind() != ElementKind.INTERFACE)
                error(decl, "trait " + t.getSimpleName() + " is not an interface");
            else traits.add(ClassName.get(t));
        }
        List<ClassName> interfaces = new ArrayList<>();
        for (TypeMirror s : decl.getInterfaces()) interfaces.add(ClassName.get((TypeElement) types.asElement(s)));

        String format = op.format().name();
        Optional<ClassName> assembly = Optional.empty();
        List<TypeElement> asm = classValues(decl, "assembly");
        if (op.format() == Op.Format.CUSTOM) {
            if (asm.isEmpty())
                error(decl, "format CUSTOM needs assembly = <class implementing CustomPrinter and CustomParser>");
            else assembly = Optional.of(ClassName.get(asm.getFirst()));
        } else if (!asm.isEmpty()) {
            error(decl, "assembly is only used with format = CUSTOM");
        }

        List<OpModel.ValueGroup> operands = new ArrayList<>(), results = new ArrayList<>();
        List<OpModel.AttrPart> attrs = new ArrayList<>();
        List<OpModel.Group> regions = new ArrayList<>(), successors = new ArrayList<>();
        Set<String> attrNames = new HashSet<>();
        Map<String, ExecutableElement> accessors = new HashMap<>();
        for (ExecutableElement m : partMethods(decl)) {
            ExecutableElement earlier = accessors.putIfAbsent(m.getSimpleName().toString(), m);
            if (earlier != null) {
                error(
                        m,
                        "part '" + m.getSimpleName() + "()' is already declared in "
                                + earlier.getEnclosingElement().getSimpleName());
                continue;
            }
            int parts = count(
                    m.getAnnotation(Operand.class),
                    m.getAnnotation(Result.class),
                    m.getAnnotation(Attr.class),
                    m.getAnnotation(RegionDef.class),
                    m.getAnnotation(Successor.class));
            if (parts == 0) continue;
            if (parts > 1) {
                error(
                        m,
                        "a method describes one part: use only one of @Operand, @Result, @Attr, @RegionDef, @Successor");
                continue;
            }
            if (!checkAccessor(m)) continue;
            String accessor = m.getSimpleName().toString();
            if (m.getAnnotation(Operand.class) != null) {
                Operand a = m.getAnnotation(Operand.class);
                valueGroup(m, accessor, value, "Value", a.type(), a.doc()).ifPresent(operands::add);
            } else if (m.getAnnotation(Result.class) != null) {
                Result a = m.getAnnotation(Result.class);
                valueGroup(m, accessor, opResult, "OpResult", a.type(), a.doc()).ifPresent(results::add);
            } else if (m.getAnnotation(Attr.class) != null) {
                attr(m, accessor).ifPresent(a -> {
                    if (!attrNames.add(a.attrName())) error(m, "attribute '" + a.attrName() + "' is declared twice");
                    attrs.add(a);
                });
            } else if (m.getAnnotation(RegionDef.class) != null) {
                group(
                                m,
                                accessor,
                                region,
                                "Region",
                                m.getAnnotation(RegionDef.class).doc())
                        .ifPresent(regions::add);
            } else {
                group(
                                m,
                                accessor,
                                block,
                                "Block",
                                m.getAnnotation(Successor.class).doc())
                        .ifPresent(successors::add);
            }
        }
        checkVariadicRegions(decl, regions, "regions");
        checkVariadicRegions(decl, successors, "successors");
        for (String reserved : List.of("operandSegmentSizes", "resultSegmentSizes"))
            if (attrNames.contains(reserved))
                error(decl, "attribute name '" + reserved + "' is reserved for the generated segment sizes");
        List<MethodSpec> bridges = checkUnimplemented(decl, traitElements);

        Set<TypeElement> all = new LinkedHashSet<>();
        for (TypeElement t : traitElements) collectInterfaces(t, all);
        for (TypeMirror s : decl.getInterfaces()) collectInterfaces((TypeElement) types.asElement(s), all);
        List<CodeBlock> checks = traitChecks(all);
        boolean isVerifiable = all.contains(verifiable);

        String doc = Optional.ofNullable(elements.getDocComment(decl)).orElse("");
        if (doc.isBlank())
            messager.printMessage(
                    Diagnostic.Kind.WARNING, "op '" + fullName + "' has no doc comment for its reference page", decl);
        return Optional.of(new OpModel(
                op.name(),
                fullName,
                declaration,
                opClass,
                traits,
                interfaces,
                checks,
                isVerifiable,
                format,
                assembly,
                DocComments.summary(doc),
                doc,
                operands,
                results,
                attrs,
                regions,
                successors,
                bridges));
    }

    /**
     * {@return the methods that describe the op's parts}: first those of the declaration's super-interfaces (a shape
     * that several ops share, such as a quantized binary op's operands and rescale attributes), in {@code extends}
     * order with each interface's own super-interfaces before it, then the declaration's own, in source order.
     */
    private List<ExecutableElement> partMethods(TypeElement decl) {
        List<ExecutableElement> out = new ArrayList<>();
        collectParts(decl, new HashSet<>(), out);
        return out;
    }

    private void collectParts(TypeElement t, Set<TypeElement> seen, List<ExecutableElement> out) {
        if (!seen.add(t)) return;
        for (TypeMirror s : t.getInterfaces()) collectParts((TypeElement) types.asElement(s), seen, out);
        for (ExecutableElement m : ElementFilter.methodsIn(t.getEnclosedElements())) if (isPart(m)) out.add(m);
    }

    private static int count(Object... annotations) {
        int n = 0;
        for (Object a : annotations) if (a != null) n++;
        return n;
    }

    /** Accessors must be abstract, take nothing, and not hide one of {@code Operation}'s own methods. */
    private boolean checkAccessor(ExecutableElement m) {
        String name = m.getSimpleName().toString();
        if (!m.getParameters().isEmpty()) {
            error(m, "accessor '" + name + "' must not take parameters");
            return false;
        }
        if (m.getModifiers().contains(Modifier.DEFAULT) || m.getModifiers().contains(Modifier.STATIC)) {
            error(m, "accessor '" + name + "' must be abstract: the processor implements it");
            return false;
        }
        for (ExecutableElement om : ElementFilter.methodsIn(elements.getAllMembers(operation))) {
            if (om.getSimpleName().contentEquals(name) && om.getParameters().isEmpty()) {
                error(m, "accessor '" + name + "()' would hide Operation." + name + "(); choose another name");
                return false;
            }
        }
        if (RESERVED.contains(name)) {
            error(m, "accessor name '" + name + "' is reserved (builder and verifier parameters use it)");
            return false;
        }
        return true;
    }

    private Optional<OpModel.ValueGroup> valueGroup(
            ExecutableElement m,
            String accessor,
            TypeMirror element,
            String elementName,
            String constraint,
            String doc) {
        Optional<Arity> arity = arity(m.getReturnType(), element, true);
        if (arity.isEmpty()) {
            error(
                    m,
                    "'" + accessor + "' must return " + elementName + ", Optional<" + elementName + "> or List<"
                            + elementName + ">");
            return Optional.empty();
        }
        Optional<CodeBlock> ref = constraint(m, constraint);
        if (ref.isEmpty()) return Optional.empty();
        return Optional.of(
                new OpModel.ValueGroup(accessor, arity.get(), ref.get(), constraint, constraint.equals("ANY"), doc));
    }

    private Optional<OpModel.Group> group(
            ExecutableElement m, String accessor, TypeMirror element, String elementName, String doc) {
        Optional<Arity> arity = arity(m.getReturnType(), element, false);
        if (arity.isEmpty()) {
            error(m, "'" + accessor + "' must return " + elementName + " or List<" + elementName + ">");
            return Optional.empty();
        }
        return Optional.of(new OpModel.Group(accessor, arity.get(), doc));
    }

    private void checkVariadicRegions(TypeElement decl, List<OpModel.Group> groups, String what) {
        for (int i = 0; i < groups.size(); i++)
            if (groups.get(i).arity() == Arity.VARIADIC && i != groups.size() - 1)
                error(decl, "only the last of the " + what + " may be a list");
    }

    /** {@return the arity of {@code T}, {@code Optional<T>} or {@code List<T>}, or empty for another type} */
    private Optional<Arity> arity(TypeMirror t, TypeMirror element, boolean optionalAllowed) {
        if (t.getKind() != TypeKind.DECLARED) return Optional.empty();
        if (types.isSameType(types.erasure(t), element)) return Optional.of(Arity.SINGLE);
        List<? extends TypeMirror> args = ((DeclaredType) t).getTypeArguments();
        if (args.size() != 1 || !types.isSameType(args.getFirst(), element)) return Optional.empty();
        if (types.isSameType(types.erasure(t), list)) return Optional.of(Arity.VARIADIC);
        if (optionalAllowed && types.isSameType(types.erasure(t), optional)) return Optional.of(Arity.OPTIONAL);
        return Optional.empty();
    }

    /** Resolves {@code "FLOAT_TENSOR"} (a {@code TypeConstraint} field) or {@code "pkg.Class.FIELD"}. */
    private Optional<CodeBlock> constraint(ExecutableElement m, String text) {
        TypeElement owner = typeConstraint;
        String field = text;
        int dot = text.lastIndexOf('.');
        if (dot >= 0) {
            String cls = text.substring(0, dot);
            field = text.substring(dot + 1);
            owner = elements.getTypeElement(cls);
            if (owner == null) {
                String pkg = elements.getPackageOf(m).getQualifiedName().toString();
                owner = elements.getTypeElement(pkg + "." + cls);
            }
            if (owner == null) {
                error(m, "type constraint class '" + cls + "' not found");
                return Optional.empty();
            }
        }
        for (VariableElement f : ElementFilter.fieldsIn(owner.getEnclosedElements())) {
            if (f.getSimpleName().contentEquals(field)
                    && f.getModifiers().contains(Modifier.STATIC)
                    && types.isSameType(f.asType(), typeConstraint.asType()))
                return Optional.of(CodeBlock.of("$T.$L", ClassName.get(owner), field));
        }
        error(
                m,
                "unknown type constraint '" + text + "': expected a static TypeConstraint field"
                        + (dot < 0 ? " of TypeConstraint (ANY, TENSOR, FLOAT_TENSOR, ...)" : ""));
        return Optional.empty();
    }

    private Optional<OpModel.AttrPart> attr(ExecutableElement m, String accessor) {
        Attr a = m.getAnnotation(Attr.class);
        String attrName = a.name().isEmpty() ? snake(accessor) : a.name();
        TypeMirror t = m.getReturnType();
        boolean isOptional = t.getKind() == TypeKind.DECLARED && types.isSameType(types.erasure(t), optional);
        if (isOptional) {
            List<? extends TypeMirror> args = ((DeclaredType) t).getTypeArguments();
            t = args.size() == 1 ? args.getFirst() : t;
        }
        if (t.getKind() != TypeKind.DECLARED || !types.isAssignable(t, attribute)) {
            error(
                    m,
                    "attribute '" + attrName + "' must be declared as an attribute type (IntegerAttr, StringAttr, ...)"
                            + " or Optional of one");
            return Optional.empty();
        }
        ClassName type = ClassName.get((TypeElement) types.asElement(t));
        Optional<CodeBlock> def = Optional.empty();
        if (!a.defaultValue().isEmpty()) {
            if (isOptional) {
                error(
                        m,
                        "attribute '" + attrName + "' has a default, so it is never absent: declare it as "
                                + type.simpleName() + ", not Optional<" + type.simpleName() + ">");
                return Optional.empty();
            }
            try {
                DefaultLiterals.Translation tr = DefaultLiterals.translate(a.defaultValue());
                if (!type.simpleName().equals("Attribute") && !tr.attrClass().equals(type)) {
                    error(
                            m,
                            "default value '" + a.defaultValue() + "' of attribute '" + attrName + "' is a "
                                    + tr.attrClass().simpleName() + ", but the attribute is declared as "
                                    + type.simpleName());
                    return Optional.empty();
                }
                def = Optional.of(tr.expression());
            } catch (DefaultLiterals.BadLiteral e) {
                error(m, "attribute '" + attrName + "': " + e.getMessage());
                return Optional.empty();
            }
        }
        String kind = ATTRIBUTE_KINDS.getOrDefault(type.simpleName(), type.simpleName());
        return Optional.of(
                new OpModel.AttrPart(accessor, attrName, type, kind, isOptional, def, a.defaultValue(), a.doc()));
    }

    /**
     * Every abstract method the generated class inherits (from the declaration and from the traits) must be
     * implemented: by the processor (a part), by a default method of the declaration, or by {@code Operation}.
     */
    private List<MethodSpec> checkUnimplemented(TypeElement decl, List<TypeElement> traits) {
        List<ExecutableElement> defaults = new ArrayList<>(), inherited = new ArrayList<>();
        for (ExecutableElement m : ElementFilter.methodsIn(elements.getAllMembers(decl)))
            if (!m.getModifiers().contains(Modifier.ABSTRACT) || isPart(m)) defaults.add(m);
        for (ExecutableElement m : ElementFilter.methodsIn(elements.getAllMembers(operation)))
            if (m.getModifiers().contains(Modifier.PUBLIC)) inherited.add(m);
        List<MethodSpec> bridges = new ArrayList<>();
        List<TypeElement> sources = new ArrayList<>(traits);
        sources.addFirst(decl);
        for (TypeElement src : sources) {
            boolean declExtendsSrc = types.isAssignable(types.erasure(decl.asType()), types.erasure(src.asType()));
            for (ExecutableElement m : ElementFilter.methodsIn(elements.getAllMembers(src))) {
                if (!m.getModifiers().contains(Modifier.ABSTRACT) || isPart(m)) continue;
                if (inherited.stream().anyMatch(i -> sameSignature(i, m))) continue;
                Optional<ExecutableElement> impl =
                        defaults.stream().filter(i -> sameSignature(i, m)).findFirst();
                if (impl.isPresent()) {
                    // A trait method implemented by a default method of a declaration that does not extend the
                    // trait: Java sees two unrelated methods, so the op class must pick the declaration's.
                    if (!declExtendsSrc) bridges.add(bridge(decl, impl.get()));
                    continue;
                }
                TypeElement owner = (TypeElement) m.getEnclosingElement();
                if (owner.equals(decl))
                    error(
                            m,
                            "method '" + m.getSimpleName() + "' has no @Operand, @Result, @Attr, @RegionDef or"
                                    + " @Successor annotation and is not a method of Operation");
                else
                    error(
                            decl,
                            "'" + decl.getSimpleName() + "' must implement " + owner.getSimpleName() + "."
                                    + m.getSimpleName() + "(...) as a default method");
            }
        }
        return bridges;
    }

    private MethodSpec bridge(TypeElement decl, ExecutableElement impl) {
        MethodSpec.Builder m = MethodSpec.methodBuilder(impl.getSimpleName().toString())
                .addModifiers(Modifier.PUBLIC)
                .addAnnotation(Override.class)
                .returns(TypeName.get(impl.getReturnType()))
                .addJavadoc("Inherited from {@link $T}.\n", ClassName.get(decl));
        List<String> args = new ArrayList<>();
        for (VariableElement p : impl.getParameters()) {
            m.addParameter(TypeName.get(p.asType()), p.getSimpleName().toString());
            args.add(p.getSimpleName().toString());
        }
        String call = "$T.super.$L(" + String.join(", ", args) + ")";
        if (impl.getReturnType().getKind() == TypeKind.VOID)
            m.addStatement(call, ClassName.get(decl), impl.getSimpleName());
        else m.addStatement("return " + call, ClassName.get(decl), impl.getSimpleName());
        return m.build();
    }

    private boolean isPart(ExecutableElement m) {
        return count(
                        m.getAnnotation(Operand.class),
                        m.getAnnotation(Result.class),
                        m.getAnnotation(Attr.class),
                        m.getAnnotation(RegionDef.class),
                        m.getAnnotation(Successor.class))
                > 0;
    }

    private boolean sameSignature(ExecutableElement a, ExecutableElement b) {
        if (!a.getSimpleName().equals(b.getSimpleName())
                || a.getParameters().size() != b.getParameters().size()) return false;
        for (int i = 0; i < a.getParameters().size(); i++)
            if (!types.isSameType(
                    types.erasure(a.getParameters().get(i).asType()),
                    types.erasure(b.getParameters().get(i).asType()))) return false;
        return true;
    }

    private void collectInterfaces(TypeElement t, Set<TypeElement> out) {
        if (!out.add(t)) return;
        for (TypeMirror s : t.getInterfaces()) collectInterfaces((TypeElement) types.asElement(s), out);
    }

    /**
     * {@return the verifier calls for the op's traits}: {@code Traits.verify<Trait>(op, diag)} where the core's
     * {@code Traits} has one, and {@code <Trait>.verifyTrait(op, diag)} for traits (of any dialect) that carry
     * their own check as a static method.
     */
    private List<CodeBlock> traitChecks(Set<TypeElement> all) {
        TypeElement traitsClass = elements.getTypeElement(TRAITS.canonicalName());
        List<CodeBlock> out = new ArrayList<>();
        for (TypeElement t : all) {
            String name = "verify" + t.getSimpleName();
            if (traitsClass != null && hasCheck(traitsClass, name))
                out.add(CodeBlock.of("$T.$L(this, diag)", TRAITS, name));
            if (hasCheck(t, "verifyTrait")) out.add(CodeBlock.of("$T.verifyTrait(this, diag)", ClassName.get(t)));
        }
        return out;
    }

    private boolean hasCheck(TypeElement owner, String name) {
        for (ExecutableElement m : ElementFilter.methodsIn(owner.getEnclosedElements()))
            if (m.getSimpleName().contentEquals(name)
                    && m.getModifiers().contains(Modifier.STATIC)
                    && m.getParameters().size() == 2) return true;
        return false;
    }

    /** {@return the classes of a {@code Class<?>} or {@code Class<?>[]} annotation value of {@code @Op}} */
    private List<TypeElement> classValues(TypeElement decl, String key) {
        List<TypeElement> out = new ArrayList<>();
        for (AnnotationMirror am : decl.getAnnotationMirrors()) {
            if (!((TypeElement) am.getAnnotationType().asElement())
                    .getQualifiedName()
                    .contentEquals(Op.class.getName())) continue;
            for (var e : am.getElementValues().entrySet()) {
                if (!e.getKey().getSimpleName().contentEquals(key)) continue;
                Object v = e.getValue().getValue();
                if (v instanceof List<?> l) {
                    for (Object o : l) addClass(((AnnotationValue) o).getValue(), out);
                } else {
                    addClass(v, out);
                }
            }
        }
        return out;
    }

    private void addClass(Object v, List<TypeElement> out) {
        if (v instanceof DeclaredType dt
                && !((TypeElement) dt.asElement()).getQualifiedName().contentEquals("java.lang.Void"))
            out.add((TypeElement) dt.asElement());
    }

    /** {@code symName} to {@code sym_name}. */
    static String snake(String camel) {
        StringBuilder out = new StringBuilder();
        for (char c : camel.toCharArray()) {
            if (Character.isUpperCase(c)) out.append('_').append(Character.toLowerCase(c));
            else out.append(c);
        }
        return out.toString();
    }

    /** {@code cond_br} to {@code condBr}. */
    static String camel(String snake) {
        StringBuilder out = new StringBuilder();
        boolean up = false;
        for (char c : snake.toCharArray()) {
            if (c == '_' || c == '.') up = true;
            else {
                out.append(up ? Character.toUpperCase(c) : c);
                up = false;
            }
        }
        return out.toString();
    }

    static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
