package dev.dal.ir.print;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

/** The interop test's comparison modulo SSA names must ignore names but not structure. */
class NormalizeNamesTest {
    @Test
    void consistentRenamingCompares() {
        assertEquals(
                MlirInteropTest.normalizeNames("%a = \"x\"(%arg0)[^bb1] : (i32) -> i32\n^bb1:"),
                MlirInteropTest.normalizeNames("%0 = \"x\"(%q)[^exit] : (i32) -> i32\n^exit:"));
    }

    @Test
    void differentUseOfValuesDoesNotCompare() {
        assertNotEquals(
                MlirInteropTest.normalizeNames("%0 = \"x\"(%1, %1)"),
                MlirInteropTest.normalizeNames("%0 = \"x\"(%1, %2)"));
    }
}
