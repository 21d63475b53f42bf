package dev.dal.ir.builtin;

import dev.dal.ir.ArrayAttr;
import dev.dal.ir.Attribute;
import dev.dal.ir.DictionaryAttr;
import dev.dal.ir.FunctionType;
import dev.dal.ir.OpAsmParser;
import dev.dal.ir.OpAsmParser.Argument;
import dev.dal.ir.OpAsmParser.UnresolvedOperand;
import dev.dal.ir.OpAsmPrinter;
import dev.dal.ir.OpAssembly;
import dev.dal.ir.Operation;
import dev.dal.ir.OperationState;
import dev.dal.ir.Region;
import dev.dal.ir.StringAttr;
import dev.dal.ir.Type;
import dev.dal.ir.TypeAttr;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The custom form of {@code func.func}, as MLIR writes it:
 * {@code func.func [private] @name(%a: T {attrs}, ...) -> (T {attrs}, ...) [attributes {..}] { body }}, and for
 * declarations {@code func.func private @f(i32) -> i32}. Signature attributes live in {@code sym_name},
 * {@code function_type}, {@code sym_visibility}, {@code arg_attrs} and {@code res_attrs}.
 */
public final class FuncAssembly implements OpAssembly.CustomPrinter, OpAssembly.CustomParser {
    private static final Set<String> SIGNATURE =
            Set.of("sym_name", "function_type", "sym_visibility", "arg_attrs", "res_attrs");

    @Override
    public void print(Operation op, OpAsmPrinter p) {
        op.attribute("sym_visibility").ifPresent(v -> {
            if (v instanceof StringAttr s) p.print(" " + s.value());
        });
        p.print(" ");
        p.printSymbolName(op.attribute("sym_name")
                .map(a -> a instanceof StringAttr s ? s.value() : "")
                .orElse(""));
        FunctionType ft = op.attribute("function_type")
                .map(a -> a instanceof TypeAttr t && t.value() instanceof FunctionType f ? f : null)
                .orElse(new FunctionType(List.of(), List.of()));
        Region body = op.regions().isEmpty() ? null : op.region(0);
        boolean external = body == null || body.isEmpty();
        List<DictionaryAttr> argAttrs = dicts(op.attribute("arg_attrs"));
        List<DictionaryAttr> resAttrs = dicts(op.attribute("res_attrs"));
        p.print("(");
        for (int i = 0; i < ft.inputs().size(); i++) {
            if (i > 0) p.print(", ");
            boolean named = !external && i < body.entry().arguments().size();
            // MLIR's order is `%arg: type {attrs} loc(...)`: the parser reads the location after the dictionary
            if (named) p.printOperand(body.entry().argument(i)).print(": ");
            p.printType(named ? body.entry().argument(i).type() : ft.inputs().get(i));
            if (i < argAttrs.size()) p.printOptionalAttrDict(argAttrs.get(i).entries(), Set.of());
            if (named) p.printOptionalLocationSpecifier(body.entry().argument(i).loc());
        }
        p.print(")");
        List<Type> res = ft.results();
        if (!res.isEmpty()) {
            p.print(" -> ");
            boolean anyResAttr = resAttrs.stream().anyMatch(d -> !d.entries().isEmpty());
            boolean paren = res.size() > 1 || anyResAttr || res.getFirst() instanceof FunctionType;
            if (paren) p.print("(");
            for (int i = 0; i < res.size(); i++) {
                if (i > 0) p.print(", ");
                p.printType(res.get(i));
                if (i < resAttrs.size()) p.printOptionalAttrDict(resAttrs.get(i).entries(), Set.of());
            }
            if (paren) p.print(")");
        }
        p.printOptionalAttrDictWithKeyword(op.attributes(), SIGNATURE);
        if (!external) {
            p.print(" ");
            p.printRegion(body, false, true);
        }
    }

    private static List<DictionaryAttr> dicts(Optional<Attribute> a) {
        List<DictionaryAttr> out = new ArrayList<>();
        if (a.isPresent() && a.get() instanceof ArrayAttr arr)
            for (Attribute e : arr.elements()) out.add(e instanceof DictionaryAttr d ? d : DictionaryAttr.EMPTY);
        return out;
    }

    @Override
    public boolean parse(OpAsmParser p, OperationState state) {
        Optional<String> vis = p.parseOptionalBareIdentifier();
        if (vis.isPresent()) {
            if (!Set.of("private", "public", "nested").contains(vis.get()))
                return p.emitError("expected 'private', 'public' or 'nested' visibility");
            if (!vis.get().equals("public")) state.addAttribute("sym_visibility", StringAttr.of(vis.get()));
        }
        Optional<String> name = p.parseSymbolName();
        if (name.isEmpty()) return false;
        state.addAttribute("sym_name", StringAttr.of(name.get()));
        List<Argument> args = new ArrayList<>();
        List<Type> inputs = new ArrayList<>();
        List<Attribute> argAttrs = new ArrayList<>();
        boolean named = false;
        if (!p.parseToken("(")) return false;
        if (!p.parseOptionalToken(")")) {
            do {
                var loc = p.currentLocation();
                Optional<UnresolvedOperand> u = p.parseOptionalOperand();
                if (u.isPresent() != named && !inputs.isEmpty())
                    return p.emitError(loc, "expected SSA identifier or type, not a mix of both");
                named = u.isPresent();
                if (named && !p.parseToken(":")) return false;
                Optional<Type> t = p.parseType();
                if (t.isEmpty()) return false;
                List<dev.dal.ir.NamedAttribute> attrs = new ArrayList<>();
                p.parseOptionalAttrDict(attrs);
                DictionaryAttr d = new DictionaryAttr(attrs);
                var argLoc = p.parseOptionalLocationSpecifier();
                if (named) args.add(new Argument(u.get(), t.get(), d, argLoc));
                inputs.add(t.get());
                argAttrs.add(d);
            } while (p.parseOptionalToken(","));
            if (!p.parseToken(")")) return false;
        }
        List<Type> results = new ArrayList<>();
        List<Attribute> resAttrs = new ArrayList<>();
        if (p.parseOptionalToken("->")) {
            if (p.parseOptionalToken("(")) {
                if (!p.parseOptionalToken(")")) {
                    do {
                        Optional<Type> t = p.parseType();
                        if (t.isEmpty()) return false;
                        List<dev.dal.ir.NamedAttribute> attrs = new ArrayList<>();
                        p.parseOptionalAttrDict(attrs);
                        results.add(t.get());
                        resAttrs.add(new DictionaryAttr(attrs));
                    } while (p.parseOptionalToken(","));
                    if (!p.parseToken(")")) return false;
                }
            } else {
                Optional<Type> t = p.parseType();
                if (t.isEmpty()) return false;
                results.add(t.get());
                resAttrs.add(DictionaryAttr.EMPTY);
            }
        }
        state.addAttribute("function_type", new TypeAttr(new FunctionType(inputs, results)));
        if (argAttrs.stream().anyMatch(a -> !((DictionaryAttr) a).entries().isEmpty()))
            state.addAttribute("arg_attrs", new ArrayAttr(argAttrs));
        if (resAttrs.stream().anyMatch(a -> !((DictionaryAttr) a).entries().isEmpty()))
            state.addAttribute("res_attrs", new ArrayAttr(resAttrs));
        List<dev.dal.ir.NamedAttribute> extra = new ArrayList<>();
        p.parseOptionalAttrDictWithKeyword(extra);
        for (var a : extra) state.addAttribute(a.name(), a.value());
        Region body = state.addRegion();
        var bodyLoc = p.currentLocation();
        Optional<Boolean> hasBody = p.parseOptionalRegion(body, args);
        if (hasBody.isEmpty()) return false;
        if (hasBody.get() && !named && !inputs.isEmpty())
            return p.emitError(bodyLoc, "expected named arguments for a function with a body");
        return true;
    }
}
