package dev.dal.tools.filecheck;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The variables of one FileCheck run: parse-time declarations (which numeric variables exist, their formats and
 * defining lines; which string variables are defined somewhere) and match-time values. One instance per run, so
 * concurrent runs share nothing.
 */
final class Variables implements NumericExpr.Values {
    /** A numeric variable declaration as seen while parsing: its format and the check line defining it (0: -D#). */
    record NumericDecl(NumberFormat format, int defLine) {}

    final Map<String, NumericDecl> numericDecls = new HashMap<>();
    final Map<String, Boolean> stringDecls = new HashMap<>();
    private final Map<String, String> strings = new HashMap<>();
    private final Map<String, Long> numbers = new HashMap<>();

    Optional<String> string(String name) {
        return Optional.ofNullable(strings.get(name));
    }

    void setString(String name, String value) {
        strings.put(name, value);
    }

    @Override
    public Optional<Long> value(String name) {
        return Optional.ofNullable(numbers.get(name));
    }

    void setNumber(String name, long value) {
        numbers.put(name, value);
    }

    private boolean numericLocalsCleared;

    /**
     * Forgets the values of local variables (names without {@code $}), as --enable-var-scope does per label.
     * LLVM 16 also drops local numeric variables from its table on the first clearing, so only that first
     * clearing affects numeric values; we reproduce that observable behaviour.
     */
    void clearLocals() {
        strings.keySet().removeIf(n -> !n.startsWith("$"));
        if (!numericLocalsCleared) numbers.keySet().removeIf(n -> !n.startsWith("$"));
        numericLocalsCleared = true;
    }
}
