package dev.dal.ir.parse;

import dev.dal.ir.Blob;
import dev.dal.ir.Block;
import dev.dal.ir.Location;
import dev.dal.ir.Operation;
import dev.dal.ir.OperationState;
import dev.dal.ir.diag.ByteText;
import dev.dal.ir.diag.Diagnostic;
import dev.dal.ir.diag.DiagnosticEngine;
import dev.dal.ir.diag.SourceFile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Parses DAL's textual IR (MLIR generic form, DAL's pretty form, custom op forms) into a top-level
 * {@code builtin.module}. As in MLIR, top-level ops that are not a single module are wrapped in an implicit one.
 *
 * <p>For big files pass a {@link SourceFile} over {@link ByteText#map} (bytes, memory-mapped): hex blobs are then
 * decoded straight from the mapped file.
 */
public final class IrParser {
    /** Prefix of the diagnostic reported when a check the parser missed is caught by an IR constructor. */
    static final String INTERNAL = "internal parser error: ";

    private IrParser() {}

    /**
     * Parses a whole file. Errors go to {@code diag} with {@code file:line:col} locations.
     *
     * @return the module, or empty if there were errors
     */
    public static Optional<Operation> parse(SourceFile source, ParserConfig config, DiagnosticEngine diag) {
        Map<String, Blob> blobs = new HashMap<>();
        int metadataAt = prescanResources(source, blobs);
        OperationParser p = new OperationParser(source, config, diag, blobs, metadataAt);
        int errorsBefore = diag.errorCount();
        try {
            Block top = p.parseTopLevel();
            Operation result;
            Operation first = top.firstOp().orElse(null);
            if (first != null && top.size() == 1 && first.name().equals("builtin.module")) {
                first.removeFromParent();
                result = first;
            } else {
                OperationState st = new OperationState("builtin.module", Location.file(source.name(), 1, 1));
                st.addRegion().append(top);
                result = Operation.create(st);
            }
            p.resolveDeferredLocations(result, top);
            return diag.errorCount() > errorsBefore ? Optional.empty() : Optional.of(result);
        } catch (ParseAbort e) {
            return Optional.empty();
        } catch (StackOverflowError e) {
            int at = Math.min(p.tok.offset(), source.text().length());
            diag.report(Diagnostic.error(p.locAt(at), "nesting too deep"));
            return Optional.empty();
        } catch (RuntimeException e) {
            // A record constructor refused a value the grammar accepted (a bug in the parser's checks): still a
            // located diagnostic for the user, never a stack trace.
            int at = Math.min(p.tok.offset(), source.text().length());
            diag.report(Diagnostic.error(p.locAt(at), INTERNAL + e));
            return Optional.empty();
        }
    }

    /**
     * Reads the file's {@code {-# ... #-}} section first when it ends the file (where MLIR writes it), so that
     * {@code dense_resource} uses before it see their blobs. Errors here are left for the main pass to report.
     *
     * @return the offset of the section, or -1
     */
    private static int prescanResources(SourceFile source, Map<String, Blob> blobs) {
        CharSequence t = source.text();
        int at = -1;
        // MLIR writes the section on lines of its own: look at line starts from the end (a few lines, however
        // large the blobs). Small hand-written files may have it anywhere, so they are searched character-wise.
        for (int line = source.lineCount(); line >= 1 && at < 0; line--) {
            int i = source.offsetOf(line, 1);
            while (i < t.length() && (t.charAt(i) == ' ' || t.charAt(i) == '\t')) i++;
            if (i + 2 < t.length() && t.charAt(i) == '{' && t.charAt(i + 1) == '-' && t.charAt(i + 2) == '#') at = i;
        }
        if (at < 0 && t.length() < 1 << 20) {
            for (int i = t.length() - 3; i >= 0; i--) {
                if (t.charAt(i) == '{' && t.charAt(i + 1) == '-' && t.charAt(i + 2) == '#') {
                    at = i;
                    break;
                }
            }
        }
        if (at < 0) return -1;
        List<Diagnostic> quiet = new ArrayList<>();
        OperationParser p =
                new OperationParser(source, ParserConfig.DEFAULT, DiagnosticEngine.collecting(quiet), blobs, -1);
        p.tok.resetTo(at);
        try {
            p.parseFileMetadata();
            if (p.tok.kind() != org.antlr.v4.runtime.Token.EOF) {
                blobs.clear();
                return -1;
            }
            return at;
        } catch (RuntimeException | StackOverflowError e) {
            blobs.clear();
            return -1;
        }
    }
}
