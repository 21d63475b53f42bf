package dev.dal.ir.diag;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The source files of a run, by name, so that a {@code file:line:col} location can show its line. */
public final class SourceManager {
    private final Map<String, SourceFile> files = new LinkedHashMap<>();

    /** Adds (or replaces) a file under its name. @return the file */
    public SourceFile add(SourceFile file) {
        files.put(file.name(), file);
        return file;
    }

    /** {@return the file of a name} */
    public Optional<SourceFile> get(String name) {
        return Optional.ofNullable(files.get(name));
    }
}
