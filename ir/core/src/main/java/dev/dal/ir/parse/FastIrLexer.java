package dev.dal.ir.parse;

import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.Token;

/**
 * The generated lexer with two fast paths that matter for big files: whitespace and comments are skipped in a
 * plain loop, and a string literal of hex digits ({@code "0x..."}, the form of weights) is scanned with a tight loop
 * instead of the ATN simulator. Token positions are character offsets; lines and columns come from the
 * {@link dev.dal.ir.diag.SourceFile}, so the lexer's own line counting is not relied on.
 */
final class FastIrLexer extends IrLexer {
    private final CharSequence text;
    private final int size;

    FastIrLexer(SourceCharStream input, CharSequence text) {
        super(input);
        this.text = text;
        this.size = text.length();
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
        if (p + 3 < size && text.charAt(p) == '"' && text.charAt(p + 1) == '0' && text.charAt(p + 2) == 'x') {
            int q = p + 3;
            while (q < size && isHex(text.charAt(q))) q++;
            if (q < size && text.charAt(q) == '"') {
                _input.seek(q + 1);
                Token t = _factory.create(_tokenFactorySourcePair, STRING, null, Token.DEFAULT_CHANNEL, p, q, 0, 0);
                _token = t;
                return t;
            }
        }
        return super.nextToken();
    }

    static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
