package dev.dal.ir.parse;

import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenSource;

/**
 * The token of the lexer's hand-written paths: kind and character span only (a third of a {@code CommonToken}),
 * because a 16 MB file lexes into millions of them. Lines and columns come from the source file, the text from the
 * cursor, so neither is stored.
 */
final class LiteToken implements Token {
    private final int type;
    private final int start;
    private final int stop;

    LiteToken(int type, int start, int stop) {
        this.type = type;
        this.start = start;
        this.stop = stop;
    }

    @Override
    public String getText() {
        return null;
    }

    @Override
    public int getType() {
        return type;
    }

    @Override
    public int getLine() {
        return 0;
    }

    @Override
    public int getCharPositionInLine() {
        return 0;
    }

    @Override
    public int getChannel() {
        return DEFAULT_CHANNEL;
    }

    @Override
    public int getTokenIndex() {
        return -1;
    }

    @Override
    public int getStartIndex() {
        return start;
    }

    @Override
    public int getStopIndex() {
        return stop;
    }

    @Override
    public TokenSource getTokenSource() {
        return null;
    }

    @Override
    public CharStream getInputStream() {
        return null;
    }
}
