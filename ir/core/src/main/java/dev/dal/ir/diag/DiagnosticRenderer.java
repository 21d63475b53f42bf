package dev.dal.ir.diag;

import dev.dal.ir.Location;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Writes diagnostics as mlir-opt does: {@code file:line:col: error: message}, then the source line and a caret under
 * the column, then each note the same way. Locations without a file position are written as MLIR writes them
 * ({@code loc("name"): error: ...}).
 */
public final class DiagnosticRenderer implements Consumer<Diagnostic> {
    private final SourceManager sources;
    private final Appendable out;

    public DiagnosticRenderer(SourceManager sources, Appendable out) {
        this.sources = sources;
        this.out = out;
    }

    @Override
    public void accept(Diagnostic d) {
        try {
            out.append(render(d, sources));
            if (out instanceof java.io.Flushable f) f.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@return a diagnostic and its notes as text, each ending in a line break} */
    public static String render(Diagnostic d, SourceManager sources) {
        StringBuilder sb = new StringBuilder();
        renderOne(d, sources, sb);
        for (Diagnostic n : d.notes()) renderOne(n, sources, sb);
        return sb.toString();
    }

    private static void renderOne(Diagnostic d, SourceManager sources, StringBuilder sb) {
        Optional<Location.FileLineCol> pos = d.location().filePosition();
        if (pos.isPresent()) {
            Location.FileLineCol f = pos.get();
            sb.append(f.file())
                    .append(':')
                    .append(f.line())
                    .append(':')
                    .append(f.column())
                    .append(": ");
        } else if (!(d.location() instanceof Location.Unknown)) {
            sb.append(locationText(d.location())).append(": ");
        }
        sb.append(d.severity().word()).append(": ").append(d.message()).append('\n');
        if (pos.isEmpty()) return;
        Location.FileLineCol f = pos.get();
        Optional<SourceFile> file = sources.get(f.file());
        if (file.isEmpty() || f.line() < 1 || f.line() > file.get().lineCount()) return;
        String line = file.get().line(f.line());
        sb.append(line).append('\n');
        int col = Math.max(1, Math.min(f.column(), line.length() + 1));
        for (int i = 0; i < col - 1; i++) sb.append(line.charAt(i) == '\t' ? '\t' : ' ');
        sb.append("^\n");
    }

    /** {@return a location as MLIR prints it in a diagnostic prefix} */
    public static String locationText(Location l) {
        return "loc(" + inner(l) + ")";
    }

    private static String inner(Location l) {
        return switch (l) {
            case Location.Unknown u -> "unknown";
            case Location.FileLineCol f -> quote(f.file()) + ":" + f.line() + ":" + f.column();
            case Location.Name n ->
                quote(n.name()) + n.child().map(c -> "(" + inner(c) + ")").orElse("");
            case Location.CallSite c -> "callsite(" + inner(c.callee()) + " at " + inner(c.caller()) + ")";
            case Location.Fused f ->
                "fused["
                        + String.join(
                                ", ",
                                f.locations().stream()
                                        .map(DiagnosticRenderer::inner)
                                        .toList()) + "]";
            case Location.Opaque o -> String.valueOf(o.attribute());
        };
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
