package dev.dal.ir.parse;

import dev.dal.ir.diag.ByteText;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.IntStream;
import org.antlr.v4.runtime.misc.Interval;

/**
 * An ANTLR character stream straight over the source text, without the {@code int[]} of code points that
 * {@code CharStreams.fromPath} builds (four bytes per input byte).
 */
final class SourceCharStream implements CharStream {
    private final CharSequence text;
    private final ByteText bytes;
    private final String name;
    private final int size;
    private int p;

    SourceCharStream(CharSequence text, String name) {
        this.text = text;
        this.bytes = text instanceof ByteText b ? b : null;
        this.name = name;
        this.size = text.length();
    }

    @Override
    public String getText(Interval interval) {
        int start = Math.max(0, interval.a);
        int stop = Math.min(size - 1, interval.b);
        if (stop < start) return "";
        return bytes != null
                ? bytes.decode(start, stop + 1)
                : text.subSequence(start, stop + 1).toString();
    }

    @Override
    public void consume() {
        if (p >= size) throw new IllegalStateException("cannot consume EOF");
        p++;
    }

    @Override
    public int LA(int i) {
        if (i == 0) return 0;
        int at = i > 0 ? p + i - 1 : p + i;
        if (at < 0 || at >= size) return IntStream.EOF;
        return bytes != null ? bytes.byteAt(at) : text.charAt(at);
    }

    @Override
    public int mark() {
        return -1;
    }

    @Override
    public void release(int marker) {}

    @Override
    public int index() {
        return p;
    }

    @Override
    public void seek(int index) {
        p = Math.min(Math.max(0, index), size);
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public String getSourceName() {
        return name;
    }
}
