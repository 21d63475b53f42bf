package dev.dal.textual;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the golden suite's folder whether the tests run under Maven (which sets {@code dal.root}) or an IDE. */
final class SuiteLocation {
    private SuiteLocation() {}

    /** {@return the {@code textual-ir-tests} folder holding {@code lit.suite.properties}} */
    static Path suiteRoot() {
        String root = System.getProperty("dal.root");
        if (root != null && !root.isBlank()) {
            Path p = Path.of(root, "textual-ir-tests");
            if (Files.isRegularFile(p.resolve("lit.suite.properties")))
                return p.toAbsolutePath().normalize();
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("lit.suite.properties"))
                    && p.getFileName().toString().equals("textual-ir-tests")) return p;
            Path child = p.resolve("textual-ir-tests");
            if (Files.isRegularFile(child.resolve("lit.suite.properties"))) return child;
        }
        throw new IllegalStateException("cannot find textual-ir-tests/lit.suite.properties from "
                + Path.of("").toAbsolutePath() + " (set -Ddal.root=<repository root>)");
    }
}
