package dev.dal.tools.lit;

import java.nio.file.Path;

/**
 * One discovered test file.
 *
 * @param suite the suite it belongs to
 * @param file absolute path of the test file
 * @param pathInSuite path relative to the suite's source root, with {@code /} separators
 */
public record LitTest(SuiteConfig suite, Path file, String pathInSuite) {
    /** {@return lit's full name of the test, {@code suite-name :: path/in/suite}} */
    public String fullName() {
        return suite.name() + " :: " + pathInSuite;
    }

    /**
     * {@return lit's temporary base path: {@code <exec root>/<dir in suite>/Output/<file name>}; {@code %t} is this
     * plus {@code .tmp} and {@code %T} its directory}
     */
    public Path tmpBase() {
        Path rel = Path.of(pathInSuite);
        Path dir = rel.getParent() == null ? suite.execRoot() : suite.execRoot().resolve(rel.getParent());
        return dir.resolve("Output").resolve(rel.getFileName().toString());
    }

    /** {@return the directory a test's commands run in: the exec-root counterpart of the test's directory} */
    public Path execDir() {
        Path rel = Path.of(pathInSuite);
        return rel.getParent() == null ? suite.execRoot() : suite.execRoot().resolve(rel.getParent());
    }
}
