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
        assertEquals(out.resolve("x.test.tmp") + " " + out + " x.test.tmp", s.apply("%t %T %basename_t"));
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
}
