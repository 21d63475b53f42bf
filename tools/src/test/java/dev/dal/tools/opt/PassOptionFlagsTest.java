package dev.dal.tools.opt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dal.ir.pass.PassRegistry;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Pass options written as top-level dal-opt flags fold into the closest preceding pass flag that has them. */
class PassOptionFlagsTest {
    private static final Set<String> VALUE_FLAGS = Set.of("--print-ir-after", "--pass-pipeline");
    private static final Set<String> KNOWN = Set.of("--print-ir-after", "--pass-pipeline", "--split-input-file");

    private static List<String> attach(String... args) throws PassOptionFlags.UsageException {
        return List.of(PassOptionFlags.attach(args, PassRegistry.global(), VALUE_FLAGS, KNOWN));
    }

    @Test
    void optionFlagsJoinTheirPassFlag() throws Exception {
        assertEquals(
                List.of("--fuse", "--quantize=accuracy-level=1 calibration-data=/d", "in.ir"),
                attach("--fuse", "--quantize", "--accuracy-level=1", "--calibration-data", "/d", "in.ir"));
        assertEquals(
                List.of("--quantize=samples=4 per-channel=true int16-layers=a,b"),
                attach("--quantize=samples=4", "--per-channel", "--int16-layers=a,b"));
    }

    @Test
    void anOptionGoesToTheClosestPrecedingPassThatHasIt() throws Exception {
        assertEquals(
                List.of("--graph-fuse=max-iterations=3", "--quantize=samples=2"),
                attach("--graph-fuse", "--quantize", "--max-iterations=3", "--samples=2"));
    }

    @Test
    void dalOptFlagsAndTheirValuesAreLeftAlone() throws Exception {
        assertEquals(
                List.of("--quantize=calibration-data='/a b'", "--print-ir-after", "quantize", "--split-input-file"),
                attach(
                        "--quantize",
                        "--calibration-data",
                        "/a b",
                        "--print-ir-after",
                        "quantize",
                        "--split-input-file"));
    }

    @Test
    void anOptionNoPrecedingPassTakesIsAnErrorNamingIt() {
        var e = assertThrows(
                PassOptionFlags.UsageException.class, () -> attach("--accuracy-level=1", "--quantize", "in.ir"));
        assertTrue(e.getMessage().contains("'--accuracy-level'"), e.getMessage());
        e = assertThrows(PassOptionFlags.UsageException.class, () -> attach("--quantize", "--samples"));
        assertTrue(e.getMessage().contains("'--samples' needs a value"), e.getMessage());
    }
}
