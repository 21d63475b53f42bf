package dev.dal.tools.lit;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses a RUN command into {@link ShNode}s with lit's internal-shell syntax: words with {@code '...'},
 * {@code "..."} and {@code \} quoting; {@code |}; {@code &&}, {@code ||}, {@code ;}; redirections {@code >},
 * {@code >>}, {@code <}, {@code N>}, {@code N>>}, {@code N>&M}, {@code >&N}, {@code &>}.
 */
public final class ShellParser {
    /** A lexer token: either an operator or a word. */
    private record Token(String op, ShNode.Word word) {
        boolean isOp(String o) {
            return op != null && op.equals(o);
        }
    }

    private final String text;
    private final List<Token> tokens = new ArrayList<>();
    private int pos;

    private ShellParser(String text) {
        this.text = text;
    }

    /**
     * {@return the parse tree of {@code command}}
     *
     * @throws IllegalArgumentException with a message when the command is malformed (unterminated quote, a
     *     redirection without a target, a missing command)
     */
    public static ShNode parse(String command) {
        ShellParser p = new ShellParser(command);
        p.lex();
        if (p.tokens.isEmpty()) throw new IllegalArgumentException("empty command");
        ShNode node = p.pipeline();
        while (p.pos < p.tokens.size()) {
            Token t = p.tokens.get(p.pos++);
            if (t.op() == null || !(t.isOp("&&") || t.isOp("||") || t.isOp(";") || t.isOp("&")))
                throw new IllegalArgumentException("unexpected token '" + describe(t) + "'");
            node = new ShNode.Seq(node, t.op(), p.pipeline());
        }
        return node;
    }

    private static String describe(Token t) {
        return t.op() != null ? t.op() : t.word().text();
    }

    private ShNode.Pipeline pipeline() {
        List<ShNode.Command> cmds = new ArrayList<>();
        cmds.add(command());
        while (pos < tokens.size() && tokens.get(pos).isOp("|")) {
            pos++;
            cmds.add(command());
        }
        return new ShNode.Pipeline(cmds);
    }

    private ShNode.Command command() {
        List<ShNode.Word> args = new ArrayList<>();
        List<ShNode.Redirect> redirects = new ArrayList<>();
        while (pos < tokens.size()) {
            Token t = tokens.get(pos);
            if (t.word() != null) {
                args.add(t.word());
                pos++;
                continue;
            }
            String op = t.op();
            if (op.equals("|") || op.equals("&&") || op.equals("||") || op.equals(";") || op.equals("&")) break;
            pos++;
            if (pos >= tokens.size() || tokens.get(pos).word() == null)
                throw new IllegalArgumentException("missing argument to redirect '" + op + "'");
            ShNode.Word target = tokens.get(pos++).word();
            redirects.add(redirect(op, target));
        }
        if (args.isEmpty()) {
            String at = pos < tokens.size() ? "'" + describe(tokens.get(pos)) + "'" : "end of command";
            throw new IllegalArgumentException("empty command before " + at);
        }
        return new ShNode.Command(args, redirects);
    }

    private static ShNode.Redirect redirect(String op, ShNode.Word target) {
        // Operators arrive with their descriptor prefix, e.g. "2>>", ">&", "&>".
        if (op.equals("&>")) return new ShNode.Redirect("&>", 1, target);
        int fd = Character.isDigit(op.charAt(0)) ? op.charAt(0) - '0' : (op.startsWith("<") ? 0 : 1);
        String base = Character.isDigit(op.charAt(0)) ? op.substring(1) : op;
        return new ShNode.Redirect(base, fd, target);
    }

    private void lex() {
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                i++;
                continue;
            }
            String op = operatorAt(i);
            if (op != null) {
                tokens.add(new Token(op, null));
                i += op.length();
                continue;
            }
            i = word(i);
        }
    }

    /** {@return the operator starting at {@code i}, or null when a word starts there} */
    private String operatorAt(int i) {
        String rest = text.substring(i);
        // A single digit directly followed by a redirection is that descriptor's redirection.
        if (rest.length() >= 2
                && (rest.charAt(0) == '0' || rest.charAt(0) == '1' || rest.charAt(0) == '2')
                && (rest.charAt(1) == '>' || rest.charAt(1) == '<')
                && (i == 0 || Character.isWhitespace(text.charAt(i - 1)))) {
            String r = plainOperator(rest.substring(1));
            if (r != null) return rest.charAt(0) + r;
        }
        return plainOperator(rest);
    }

    private static String plainOperator(String rest) {
        for (String op : new String[] {"&&", "||", "&>", ">>", ">&", "|", ";", "&", ">", "<"}) {
            if (rest.startsWith(op)) return op;
        }
        return null;
    }

    private int word(int i) {
        StringBuilder sb = new StringBuilder();
        boolean glob = false;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') break;
            if (plainOperator(text.substring(i)) != null) break;
            if (c == '\'') {
                int end = text.indexOf('\'', i + 1);
                if (end < 0)
                    throw new IllegalArgumentException("missing quote character in '" + text.substring(i) + "'");
                sb.append(text, i + 1, end);
                i = end + 1;
            } else if (c == '"') {
                i++;
                boolean closed = false;
                while (i < n) {
                    char d = text.charAt(i);
                    if (d == '"') {
                        closed = true;
                        i++;
                        break;
                    }
                    // Inside double quotes lit's shell lets a backslash escape only '"' and '\\'; others stay as
                    // written.
                    if (d == '\\' && i + 1 < n && (text.charAt(i + 1) == '"' || text.charAt(i + 1) == '\\')) {
                        sb.append(text.charAt(i + 1));
                        i += 2;
                    } else {
                        sb.append(d);
                        i++;
                    }
                }
                if (!closed) throw new IllegalArgumentException("missing quote character in '" + text + "'");
            } else if (c == '\\') {
                if (i + 1 >= n) throw new IllegalArgumentException("escape at end of command '" + text + "'");
                sb.append(text.charAt(i + 1));
                i += 2;
            } else {
                if (c == '*' || c == '?' || c == '[') glob = true;
                sb.append(c);
                i++;
            }
        }
        tokens.add(new Token(null, new ShNode.Word(sb.toString(), glob)));
        return i;
    }
}
