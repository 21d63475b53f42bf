package dev.dal.tools.lit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubstitutionsTest {
    @TempDir
    Path dir;

    private Substitutions subs(String... config) {
        TempSuite s = new TempSuite(dir, config).write("sub/dir/x.test", "RUN: true\n");
        LitTest t = Lit.discover(List.of(s.root), Map.of()).getFirst();
        return Substitutions.forTest(t);
    }

    @Test
    void builtinsNameTheSourceAndLitsTemporaryPaths() {
        Substitutions s = subs();
        Path src = dir.toAbsolutePath().normalize().resolve("sub/dir/x.test");
        Path out = dir.toAbsolutePath().normalize().resolve("out/sub/dir/Output");
        assertEquals(src + " " + src.getParent() + " " + src.getParent(), s.apply("%s %S %p"));
        assertEquals(out.resolve("x.test.tmp") + " " + out + " x.test", s.apply("%t %T %basename_t"));
        assertEquals(out.resolve("x.test.tmp") + ".o", s.apply("%/t.o"));
    }

    @Test
    void doublePercentIsALiteralPercentAndNeverStartsASubstitution() {
        assertEquals("100% %s %t", subs().apply("100%% %%s %%t"));
    }

    @Test
    void suiteSubstitutionsApplyBeforeBuiltinsAndMayUseThem() {
        Substitutions s = subs("substitution.%{cat-self} = cat %s", "substitution.%{x} = y");
        Path src = dir.toAbsolutePath().normalize().resolve("sub/dir/x.test");
        assertEquals("cat " + src + " | y", s.apply("%{cat-self} | %{x}"));
    }

    @Test
    void unknownSubstitutionsStayAsWrittenLikeLit() {
        assertEquals("echo %{nope} %q", subs().apply("echo %{nope} %q"));
    }

    @Test
    void definedSubstitutionsApplyToTheRunLinesAfterThemAndLaterOnesFirst() {
        TempSuite s = new TempSuite(dir, "substitution.%{suite} = suite-value")
                .write("d.test", """
                DEFINE: %{flags} =
                DEFINE: %{check} = echo x %{flags} | grep -x
                REDEFINE: %{flags} = y
                RUN: %{check} "x y"
                REDEFINE: %{flags} = z
                RUN: %{check} "x z"
                REDEFINE: %{suite} = changed
                RUN: echo %{suite} | grep -x changed
                """)
                .write("e.test", "DEFINE: %{suite} = again\nRUN: true\n")
                .write("f.test", "REDEFINE: %{nope} = x\nRUN: true\n");
        TestResult d = s.run("d.test");
        assertEquals(ResultCode.PASS, d.code(), d.output());
        TestResult e = s.run("e.test");
        assertEquals(ResultCode.UNRESOLVED, e.code());
        assertEquals(
                dir.toAbsolutePath().normalize().resolve("e.test") + ":1: error: 'DEFINE:' directive names existing"
                        + " substitution '%{suite}'; use 'REDEFINE:' to change it\n",
                e.output());
        assertEquals(ResultCode.UNRESOLVED, s.run("f.test").code());
    }
}
