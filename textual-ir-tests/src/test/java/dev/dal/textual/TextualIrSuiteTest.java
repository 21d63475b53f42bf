package dev.dal.textual;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import dev.dal.tools.lit.Lit;
import dev.dal.tools.lit.LitTest;
import dev.dal.tools.lit.TestResult;
import dev.dal.tools.lit.TestRunner;
import dev.dal.tools.lit.ToolRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every test file of the golden suite through dal-lit, in-process, as one named JUnit test per file (grouped by
 * folder). A failing file fails with dal-lit's report: the script, the failing command and its output (for a
 * FileCheck failure, FileCheck's own report); an UNSUPPORTED file is reported as skipped.
 */
class TextualIrSuiteTest {
    @TestFactory
    Stream<DynamicNode> everyGoldenFileRunsAndPassesUnderDalLit() {
        Path root = SuiteLocation.suiteRoot();
        List<LitTest> tests = Lit.discover(List.of(root), Map.of());
        assertFalse(tests.isEmpty(), "no tests discovered under " + root);
        TestRunner runner = new TestRunner(ToolRegistry.discover().without("dal-lit"), System.getenv());
        Map<String, List<DynamicNode>> byFolder = new TreeMap<>();
        for (LitTest t : tests) {
            String p = t.pathInSuite();
            String folder = p.contains("/") ? p.substring(0, p.lastIndexOf('/')) : ".";
            String name = p.substring(p.lastIndexOf('/') + 1);
            byFolder.computeIfAbsent(folder, f -> new ArrayList<>())
                    .add(DynamicTest.dynamicTest(name, t.file().toUri(), () -> check(runner.run(t))));
        }
        return byFolder.entrySet().stream()
                .map(e -> DynamicContainer.dynamicContainer(e.getKey(), e.getValue().stream()));
    }

    private static void check(TestResult r) {
        switch (r.code()) {
            case PASS, FLAKYPASS, XFAIL -> {}
            case UNSUPPORTED ->
                Assumptions.abort(r.test().fullName() + ": " + r.output().strip());
            case FAIL, XPASS, UNRESOLVED -> fail(r.code() + ": " + r.test().fullName() + "\n" + r.output());
        }
    }
}
