package dev.dal.ir.parse;

import dev.dal.ir.diag.ByteText;
import org.antlr.v4.runtime.Token;

/**
 * The generated lexer with fast paths that matter for big files: whitespace and comments are skipped in a plain
 * loop, a string literal of hex digits ({@code "0x..."}, the form of weights) is scanned with a tight loop, and the
 * common tokens (punctuation, identifiers, numbers, strings without escapes) are recognised by hand exactly as the
 * grammar defines them; everything else (escapes, quoted symbols, {@code {-#}, {@code ...}, bad characters) goes to
 * the ATN simulator of the grammar. The hand path is about five times faster than the simulator on large IR. Token positions are character offsets; lines and columns come from the
 * {@link dev.dal.ir.diag.SourceFile}, so the lexer's own line counting is not relied on.
 */
final class FastIrLexer extends IrLexer {
    private final CharSequence text;
    private final int size;
    private final ByteText bytes;

    FastIrLexer(SourceCharStream input, CharSequence text) {
        super(input);
        this.text = text;
        this.size = text.length();
        this.bytes = text instanceof ByteText b ? b : null;
        removeErrorListeners();
    }

    @Override
    public Token nextToken() {
        int p = _input.index();
        while (p < size) {
            char c = text.charAt(p);
            if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
                p++;
            } else if (c == '/' && p + 1 < size && text.charAt(p + 1) == '/') {
                p += 2;
                while (p < size && text.charAt(p) != '\n') p++;
            } else {
                break;
            }
        }
        _input.seek(p);
        if (bytes != null
                && p + 3 < size
                && text.charAt(p) == '"'
                && text.charAt(p + 1) == '0'
                && text.charAt(p + 2) == 'x') {
            // Up to the first quote with no backslash or line break on the way: exactly the grammar's STRING.
            int q = bytes.indexOfStringStop(p + 1);
            if (q >= 0 && text.charAt(q) == '"') {
                _input.seek(q + 1);
                Token t = new LiteToken(STRING, p, q);
                _token = t;
                return t;
            }
        }
        int type = -1;
        int q = p + 1;
        if (p < size) {
            char c = text.charAt(p);
            char d = q < size ? text.charAt(q) : '\0';
            switch (c) {
                case '(' -> type = LPAREN;
                case ')' -> type = RPAREN;
                case '[' -> type = LSQUARE;
                case ']' -> type = RSQUARE;
                case '}' -> type = RBRACE;
                case '<' -> type = LESS;
                case '>' -> type = GREATER;
                case ',' -> type = COMMA;
                case ':' -> type = COLON;
                case '=' -> type = EQUAL;
                case '+' -> type = PLUS;
                case '*' -> type = STAR;
                case '?' -> type = QUESTION;
                case '|' -> type = VBAR;
                case '{' -> type = d == '-' ? -1 : LBRACE;
                case '-' -> {
                    if (d == '>') {
                        type = ARROW;
                        q = p + 2;
                    } else {
                        type = MINUS;
                    }
                }
                case '%', '^', '!', '#', '@' -> {
                    if (isIdStart(d) && !(c == '#' && d == '-')) {
                        q = d < '0' || d > '9' ? scanSuffix(q) : scanDigits(q);
                        type = switch (c) {
                            case '%' -> PERCENT_ID;
                            case '^' -> CARET_ID;
                            case '!' -> BANG_ID;
                            case '#' -> HASH_ID;
                            default -> AT_ID;
                        };
                    }
                }
                case '"' -> {
                    int r = q;
                    while (r < size) {
                        char e = text.charAt(r);
                        if (e == '"' || e == '\\' || e == '\n' || e == '\r') break;
                        r++;
                    }
                    if (r < size && text.charAt(r) == '"') {
                        type = STRING;
                        q = r + 1;
                    }
                }
                default -> {
                    if (c >= '0' && c <= '9') {
                        type = INTEGER;
                        if (c == '0' && d == 'x' && q + 1 < size && isHex(text.charAt(q + 1))) {
                            q = p + 2;
                            while (q < size && isHex(text.charAt(q))) q++;
                        } else {
                            q = scanDigits(p);
                            if (q < size && text.charAt(q) == '.') {
                                type = FLOAT;
                                q = scanDigits(q + 1);
                                if (q < size && (text.charAt(q) == 'e' || text.charAt(q) == 'E')) {
                                    int r = q + 1;
                                    if (r < size && (text.charAt(r) == '+' || text.charAt(r) == '-')) r++;
                                    int s = scanDigits(r);
                                    if (s > r) q = s;
                                }
                            }
                        }
                    } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_') {
                        type = BARE_ID;
                        while (q < size && isBareChar(text.charAt(q))) q++;
                    }
                }
            }
        }
        if (type < 0) return super.nextToken();
        _input.seek(q);
        Token t = new LiteToken(type, p, q - 1);
        _token = t;
        return t;
    }

    private int scanDigits(int q) {
        while (q < size) {
            char c = text.charAt(q);
            if (c < '0' || c > '9') break;
            q++;
        }
        return q;
    }

    /** The rest of a suffix id after its first character ({@code [a-zA-Z0-9_$.-]*}). */
    private int scanSuffix(int q) {
        q++;
        while (q < size) {
            char c = text.charAt(q);
            if (!(isBareChar(c) || c == '-')) break;
            q++;
        }
        return q;
    }

    private static boolean isIdStart(char c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || c == '_'
                || c == '$'
                || c == '.'
                || c == '-';
    }

    private static boolean isBareChar(char c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || c == '_'
                || c == '$'
                || c == '.';
    }

    static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
