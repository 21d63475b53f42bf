package dev.dal.tools.lit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SuiteConfigTest {
    private static final Path ROOT = Path.of("/suite");

    private static SuiteConfig parse(String... lines) {
        return SuiteConfig.parse(ROOT, "/suite/lit.suite.properties", List.of(lines));
    }

    private static String error(String... lines) {
        return assertThrows(LitException.class, () -> parse(lines)).getMessage();
    }

    @Test
    void everyKeyIsRead() {
        SuiteConfig c = parse(
                "# comment",
                "name = DAL",
                "suffixes = .ir .test",
                "excludes = Inputs x.ir",
                "features = a b",
                "exec_root = target/lit",
                "substitution.%{x} = echo @SUITE_ROOT@",
                "tool.dal-opt = @SUITE_ROOT@/../bin/dal-opt",
                "path = /opt/a @SUITE_ROOT@/b");
        assertEquals("DAL", c.name());
        assertEquals(List.of(".ir", ".test"), c.suffixes());
        assertEquals(Set.of("Inputs", "x.ir"), c.excludes());
        assertEquals(Set.of("a", "b"), c.features());
        assertEquals(Path.of("/suite/target/lit"), c.execRoot());
        assertEquals(Map.of("%{x}", "echo /suite"), c.substitutions());
        assertEquals(Map.of("dal-opt", "/suite/../bin/dal-opt"), c.tools());
        assertEquals(List.of("/opt/a", "/suite/b"), c.path());
    }

    @Test
    void withoutExecRootTemporaryFilesGoBesideTheTestsAsInLit() {
        assertEquals(ROOT, parse("name = n", "suffixes = .ir").execRoot());
    }

    @Test
    void errorsNameTheFileAndLine() {
        assertEquals(
                "/suite/lit.suite.properties:2: error: expected 'key = value', got 'suffixes .ir'",
                error("name = n", "suffixes .ir"));
        assertEquals(
                "/suite/lit.suite.properties:3: error: unknown key 'sufixes' (expected name, suffixes, excludes,"
                        + " features, exec_root, path, substitution.*, tool.*)",
                error("name = n", "suffixes = .ir", "sufixes = .x"));
        assertEquals(
                "/suite/lit.suite.properties:2: error: suffix 'ir' must start with '.'",
                error("name = n", "suffixes = ir"));
        assertEquals("/suite/lit.suite.properties:1: error: missing 'name = ...'", error("suffixes = .ir"));
        assertEquals(
                "/suite/lit.suite.properties:1: error: missing 'suffixes = ...' (e.g. 'suffixes = .ir .test')",
                error("name = n"));
        assertEquals(
                "/suite/lit.suite.properties:3: error: duplicate substitution '%{a}'",
                error("name = n", "substitution.%{a} = 1", "substitution.%{a} = 2", "suffixes = .ir"));
    }

    @Test
    void aMissingConfigFileIsAClearError() {
        String msg = assertThrows(LitException.class, () -> SuiteConfig.load(Path.of("/no/such/dir")))
                .getMessage();
        assertEquals(
                "error: cannot read suite config /no/such/dir/lit.suite.properties: /no/such/dir/lit.suite.properties",
                msg);
    }
}
