package dev.dal.ir.pass;

import java.util.List;
import java.util.Optional;

/**
 * Parses MLIR's textual pipeline syntax:
 *
 * <pre>
 * pipeline ::= element (',' element)*
 * element  ::= pass-name ('{' option* '}')?  |  op-name '(' pipeline? ')'
 * option   ::= key ('=' value)?             value: word, 'quoted', "quoted" or {braced}; a bare key means true
 * </pre>
 *
 * A single top-level {@code op-name(...)} is the pipeline anchored on that op ({@code builtin.module(...)}); any
 * other top-level list ({@code canonicalize,cse}) runs on whatever root op it is given (anchor
 * {@value PassManager#ANY}).
 */
public final class PipelineParser {
    private final String text;
    private final PassRegistry registry;
    private int pos;

    private PipelineParser(String text, PassRegistry registry) {
        this.text = text;
        this.registry = registry;
    }

    /** {@return the pipeline {@code text} describes} @throws PipelineException naming the problem and its position */
    public static PassManager parse(String text, PassRegistry registry) throws PipelineException {
        PipelineParser p = new PipelineParser(text, registry);
        PassManager top = new PassManager(PassManager.ANY);
        p.skipSpace();
        if (p.pos < text.length()) p.parseList(top);
        p.skipSpace();
        if (p.pos < text.length()) throw p.error("expected ',' or end of pipeline, got '" + text.charAt(p.pos) + "'");
        List<Object> entries = top.entries();
        if (entries.size() == 1 && entries.getFirst() instanceof PassManager only) return only;
        return top;
    }

    /** Parses {@code text} and appends its elements to {@code pm} (for {@code --pass-pipeline} given twice). */
    public static void parseInto(String text, PassManager pm, PassRegistry registry) throws PipelineException {
        PipelineParser p = new PipelineParser(text, registry);
        p.skipSpace();
        if (p.pos < text.length()) p.parseList(pm);
        p.skipSpace();
        if (p.pos < text.length()) throw p.error("expected ',' or end of pipeline, got '" + text.charAt(p.pos) + "'");
    }

    private void parseList(PassManager pm) throws PipelineException {
        parseElement(pm);
        skipSpace();
        while (pos < text.length() && text.charAt(pos) == ',') {
            pos++;
            skipSpace();
            parseElement(pm);
            skipSpace();
        }
    }

    private void parseElement(PassManager pm) throws PipelineException {
        int start = pos;
        while (pos < text.length() && isNameChar(text.charAt(pos))) pos++;
        if (pos == start) {
            String got = pos < text.length() ? "'" + text.charAt(pos) + "'" : "end of pipeline";
            throw error("expected a pass name or an op name, got " + got);
        }
        String name = text.substring(start, pos);
        skipSpace();
        if (pos < text.length() && text.charAt(pos) == '(') {
            pos++;
            PassManager nested = pm.nest(name);
            skipSpace();
            if (pos < text.length() && text.charAt(pos) != ')') parseList(nested);
            skipSpace();
            if (pos >= text.length() || text.charAt(pos) != ')')
                throw error("expected ')' to close the '" + name + "' pipeline");
            pos++;
            return;
        }
        Optional<Pass> pass = registry.create(name);
        if (pass.isEmpty()) {
            pos = start;
            throw error("'" + name + "' does not refer to a registered pass or pass pipeline");
        }
        if (pos < text.length() && text.charAt(pos) == '{') parseOptions(pass.get());
        Optional<String> bad = pm.whyCannotAdd(pass.get());
        if (bad.isPresent()) {
            pos = start;
            throw error(bad.get());
        }
        pm.addPass(pass.get());
    }

    private void parseOptions(Pass pass) throws PipelineException {
        pos++; // '{'
        while (true) {
            skipSpace();
            if (pos >= text.length()) throw error("expected '}' to close the options of '" + pass.argument() + "'");
            if (text.charAt(pos) == '}') {
                pos++;
                return;
            }
            int keyStart = pos;
            while (pos < text.length() && isNameChar(text.charAt(pos))) pos++;
            if (pos == keyStart) throw error("expected an option name, got '" + text.charAt(pos) + "'");
            String key = text.substring(keyStart, pos);
            String value = "true";
            if (pos < text.length() && text.charAt(pos) == '=') {
                pos++;
                value = parseValue();
            }
            Optional<String> err = pass.setOption(key, value);
            if (err.isPresent()) {
                pos = keyStart;
                throw error(err.get());
            }
        }
    }

    private String parseValue() throws PipelineException {
        if (pos >= text.length()) return "";
        char c = text.charAt(pos);
        if (c == '\'' || c == '"') {
            int end = text.indexOf(c, pos + 1);
            if (end < 0) throw error("unterminated quoted option value");
            String v = text.substring(pos + 1, end);
            pos = end + 1;
            return v;
        }
        int start = pos;
        int depth = 0;
        while (pos < text.length()) {
            char ch = text.charAt(pos);
            if (ch == '{') depth++;
            else if (ch == '}') {
                if (depth == 0) break;
                depth--;
            } else if (Character.isWhitespace(ch) && depth == 0) break;
            pos++;
        }
        String v = text.substring(start, pos);
        if (v.length() >= 2 && v.startsWith("{") && v.endsWith("}")) v = v.substring(1, v.length() - 1);
        return v;
    }

    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.' || c == '$';
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) pos++;
    }

    private PipelineException error(String message) {
        return new PipelineException(message, text, pos);
    }
}
