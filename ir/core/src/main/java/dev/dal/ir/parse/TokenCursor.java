package dev.dal.ir.parse;

import dev.dal.ir.diag.ByteText;
import org.antlr.v4.runtime.Token;

/**
 * Pulls tokens from the lexer on demand and keeps only a few of lookahead, so memory does not grow with the file
 * (a buffered token stream of a 16 MB file holds millions of token objects). The parser can also move the cursor
 * to any character offset, which is how it reads shapes and dialect bodies character-wise and then resumes.
 */
final class TokenCursor {
    private static final int LOOKAHEAD = 4;
    private final FastIrLexer lexer;
    private final CharSequence text;
    private final Token[] ahead = new Token[LOOKAHEAD];
    private int head;
    private int count;
    private int lastEnd;

    TokenCursor(CharSequence text, String name) {
        this.text = text;
        this.lexer = new FastIrLexer(new SourceCharStream(text, name), text);
    }

    /** {@return the token {@code k} ahead (0 = the next one)} */
    Token peek(int k) {
        while (count <= k) {
            ahead[(head + count) % LOOKAHEAD] = lexer.nextToken();
            count++;
        }
        return ahead[(head + k) % LOOKAHEAD];
    }

    Token peek() {
        return peek(0);
    }

    int kind() {
        return peek(0).getType();
    }

    int kind(int k) {
        return peek(k).getType();
    }

    /** {@return the next token, consumed} */
    Token next() {
        Token t = peek(0);
        head = (head + 1) % LOOKAHEAD;
        count--;
        if (t.getType() != Token.EOF) lastEnd = t.getStopIndex() + 1;
        return t;
    }

    /** {@return the character offset just after the last consumed token} */
    int lastEnd() {
        return lastEnd;
    }

    /** {@return the offset where the next token starts} */
    int offset() {
        Token t = peek(0);
        return t.getType() == Token.EOF ? text.length() : t.getStartIndex();
    }

    /** Drops the lookahead and lexes on from a character offset. */
    void resetTo(int offset) {
        count = 0;
        head = 0;
        lexer.getInputStream().seek(offset);
        lastEnd = offset;
    }

    /** {@return the source text of a token} */
    String text(Token t) {
        if (t.getType() == Token.EOF) return "<eof>";
        int s = t.getStartIndex(), e = t.getStopIndex() + 1;
        if (e - s <= MAX_INTERNED) return interned(s, e);
        return text instanceof ByteText b
                ? b.decode(s, e)
                : text.subSequence(s, e).toString();
    }

    static final int MAX_INTERNED = 32;
    /** Recently seen short token texts by a hash of their characters: keywords, attribute names, type names. */
    private final String[] internTable = new String[1024];

    /**
     * The text of {@code [s, e)}, shared with earlier tokens of the same spelling: big files repeat the same few
     * names on every op, and a string per token was a large part of the parser's allocation.
     */
    String interned(int s, int e) {
        int h = 0;
        for (int i = s; i < e; i++) {
            char c = text.charAt(i);
            if (c >= 0x80)
                return text instanceof ByteText b
                        ? b.decode(s, e)
                        : text.subSequence(s, e).toString();
            h = 31 * h + c;
        }
        int slot = (h ^ (h >>> 11)) & (internTable.length - 1);
        String cached = internTable[slot];
        if (cached != null && cached.length() == e - s) {
            boolean same = true;
            for (int i = 0; i < e - s && same; i++) same = cached.charAt(i) == text.charAt(s + i);
            if (same) return cached;
        }
        String str = text instanceof ByteText b
                ? b.decode(s, e)
                : text.subSequence(s, e).toString();
        internTable[slot] = str;
        return str;
    }

    /** {@return whether the token's text is exactly {@code s}} (without allocating) */
    boolean textIs(Token t, String s) {
        int start = t.getStartIndex(), len = t.getStopIndex() + 1 - start;
        if (t.getType() == Token.EOF || len != s.length()) return false;
        for (int i = 0; i < len; i++) if (text.charAt(start + i) != s.charAt(i)) return false;
        return true;
    }

    CharSequence source() {
        return text;
    }
}
