package dev.dal.ir.parse;

import static dev.dal.ir.parse.ParseHelper.error;
import static dev.dal.ir.parse.ParseHelper.errors;
import static dev.dal.ir.parse.ParseHelper.show;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dal.ir.diag.Diagnostic;
import dev.dal.ir.diag.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParseErrorTest {
    @Test
    void undeclaredValue() {
        assertEquals(
                "2:9: use of undeclared SSA value name", error("\"a.x\"() : () -> ()\n\"a.use\"(%nope) : (i32) -> ()"));
    }

    @Test
    void redefinitionPointsAtBothDefinitions() {
        List<Diagnostic> ds =
                errors("%x = \"a.d\"() : () -> i32\n%x = \"a.d\"() : () -> i32", ParseHelper.UNREGISTERED);
        assertEquals("2:1: redefinition of SSA value '%x'", show(ds.getFirst()));
        Diagnostic note = ds.getFirst().notes().getFirst();
        assertEquals(Severity.NOTE, note.severity());
        assertEquals("1:1: previously defined here", show(note));
    }

    @Test
    void useWithADifferentTypeThanBefore() {
        assertEquals(
                "2:7: use of value '%x' expects different type than prior uses: 'f32' vs 'i32'",
                error("%x = \"a.d\"() : () -> i32\n\"a.u\"(%x) : (f32) -> ()"));
        assertEquals(
                "2:7: use of value '%y' expects different type than prior uses: 'f32' vs 'tensor<2xi32>'",
                error("\"a.u\"(%y) : (tensor<2xi32>) -> ()\n\"a.u\"(%y) : (f32) -> ()"));
    }

    @Test
    void forwardReferenceDefinedWithAnotherType() {
        assertEquals(
                "3:3: definition of SSA value '%v#0' has type 'f32'",
                error("\"a.r\"() ({\n  \"a.u\"(%v) : (i32) -> ()\n  %v = \"a.d\"() : () -> f32\n}) : () -> ()"));
    }

    @Test
    void isolatedRegionsDoNotSeeOuterValues() {
        assertEquals(
                "3:14: use of undeclared SSA value name",
                error("%x = partest.op : i32\npartest.isolated ({\n  partest.op %x : i32\n}) : () -> ()"));
    }

    @Test
    void blockErrors() {
        assertEquals(
                "2:12: reference to an undefined block",
                error("\"a.r\"() ({\n  \"a.br\"()[^nowhere] : () -> ()\n}) : () -> ()"));
        assertEquals("3:1: redefinition of block '^bb1'", error("\"a.r\"() ({\n^bb1:\n^bb1:\n}) : () -> ()"));
    }

    @Test
    void aliasErrors() {
        assertEquals("2:1: redefinition of type alias id 't'", error("!t = i32\n!t = f32"));
        assertEquals("2:1: redefinition of attribute alias id 'a'", error("#a = 1\n#a = 2"));
        assertEquals("1:17: undefined symbol alias id 'nope'", error("\"a.x\"() : () -> !nope"));
        assertEquals("1:14: undefined symbol alias id 'nope'", error("\"a.x\"() {v = #nope} : () -> ()"));
        assertEquals("1:24: undefined symbol alias id 'later'", error("\"a.x\"() : () -> () loc(#later)"));
    }

    @Test
    void unknownOpsAndDialects() {
        assertEquals("1:1: custom op 'foo.bar' is unknown", error("foo.bar %x : i32"));
        assertEquals(
                "1:1: operation being parsed with an unregistered dialect. If this is intended, please use "
                        + "-allow-unregistered-dialect with the MLIR tool used",
                error("\"foo.bar\"() : () -> ()", ParserConfig.DEFAULT));
        assertEquals(
                "1:1: unregistered operation 'partest.nope' found in dialect ('partest') that does not allow unknown "
                        + "operations",
                error("\"partest.nope\"() : () -> ()"));
        assertEquals("1:1: custom op 'partest.raw' has no custom assembly form", error("partest.raw"));
    }

    @Test
    void syntaxErrorsNameTheExpectedToken() {
        assertEquals("2:1: expected ':' followed by operation type", error("\"a.x\"() \n"));
        assertEquals("1:7: expected SSA operand", error("\"a.x\"(1) : () -> ()"));
        assertEquals("1:17: expected non-function type", error("\"a.x\"() : () -> 5"));
        assertEquals("1:14: unexpected character", error("\"a.x\"() : () ~ ()"));
        assertEquals("1:1: expected '\"' in string literal", error("\"a.x() : () -> ()"));
        assertEquals(
                "1:1: operation defines 1 results but was provided 2 to bind", error("%a, %b = \"a.x\"() : () -> i32"));
        assertEquals(
                "2:13: expected 1 operand type but had 0", error("%a = \"a.d\"() : () -> i32\n\"a.x\"(%a) : () -> ()"));
    }

    @Test
    void attributeErrors() {
        assertEquals("1:13: duplicate key 'a' in dictionary attribute", error("\"a.x\"() {a, a = 1} : () -> ()"));
        assertEquals("1:14: integer constant out of range for attribute", error("\"a.x\"() {a = 256 : i8} : () -> ()"));
        assertEquals(
                "1:14: unexpected decimal integer literal for a floating point value",
                error("\"a.x\"() {a = 1 : f32} : () -> ()"));
        assertEquals(
                "1:14: inferred shape of elements literal ([3]) does not match type ([2])",
                error("\"a.x\"() {a = dense<[1, 2, 3]> : tensor<2xi32>} : () -> ()"));
        assertEquals(
                "1:20: elements hex data size is invalid for provided type",
                error("\"a.x\"() {a = dense<\"0x0102\"> : tensor<3xi32>} : () -> ()"));
    }

    @Test
    void deeplyNestedInputIsADiagnosticNotACrash() {
        String deep = "\"a.x\"() {v = " + "[".repeat(200_000) + "} : () -> ()";
        List<Diagnostic> ds = errors(deep, ParseHelper.UNREGISTERED);
        assertEquals(1, ds.getFirst().location().filePosition().orElseThrow().line());
    }
}
