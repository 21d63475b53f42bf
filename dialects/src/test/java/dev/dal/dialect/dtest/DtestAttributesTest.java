package dev.dal.dialect.dtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dal.ir.BoolAttr;
import dev.dal.ir.Builder;
import dev.dal.ir.DenseArrayAttr;
import dev.dal.ir.FloatAttr;
import dev.dal.ir.FloatType;
import dev.dal.ir.IntegerAttr;
import dev.dal.ir.Location;
import dev.dal.ir.NamedAttribute;
import dev.dal.ir.Operation;
import dev.dal.ir.StringAttr;
import dev.dal.ir.rewrite.RewriteListener;
import dev.dal.ir.rewrite.Rewriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Attribute accessors: defaults when absent (and not stored), optional attributes, setters through the rewriter. */
class DtestAttributesTest {
    private static final Location LOC = Location.name("t");

    @Test
    void defaultsAreReturnedWhenAbsentAndNotStored() {
        AttrsOp op = AttrsOp.create(Builder.detached(), LOC, IntegerAttr.i64(3));
        // Expected values written from the declaration's default texts ("1 : i64", "0.5 : f32", ...).
        assertEquals(IntegerAttr.i64(1), op.stride());
        assertEquals(FloatAttr.of(0.5, FloatType.F32), op.scale());
        assertEquals(BoolAttr.TRUE, op.enabled());
        assertEquals(StringAttr.of("relu"), op.mode());
        assertEquals(DenseArrayAttr.i64(1, 1), op.kernel());
        assertEquals(
                List.of("count"),
                op.attributes().stream().map(NamedAttribute::name).toList(),
                "only the given attribute is stored");
        assertEquals(Optional.empty(), op.label());
        assertEquals(IntegerAttr.i64(3), op.count());
    }

    @Test
    void storedValuesWinOverDefaults() {
        AttrsOp op = AttrsOp.create(
                Builder.detached(),
                LOC,
                IntegerAttr.i64(3),
                Optional.of(StringAttr.of("x")),
                Optional.of(IntegerAttr.i64(2)),
                Optional.empty(),
                Optional.of(BoolAttr.FALSE),
                Optional.empty(),
                Optional.of(DenseArrayAttr.i64(3, 3)));
        assertEquals(Optional.of(StringAttr.of("x")), op.label());
        assertEquals(IntegerAttr.i64(2), op.stride());
        assertEquals(BoolAttr.FALSE, op.enabled());
        assertEquals(DenseArrayAttr.i64(3, 3), op.kernel());
        assertEquals(StringAttr.of("relu"), op.mode(), "an empty optional leaves the default");
        assertEquals(
                List.of("count", "enabled", "kernel", "label", "stride"),
                op.attributes().stream().map(NamedAttribute::name).toList());
    }

    @Test
    void settersGoThroughTheRewriterAndTellItsListeners() {
        AttrsOp op = AttrsOp.create(Builder.detached(), LOC, IntegerAttr.i64(3));
        Rewriter rw = new Rewriter();
        List<Operation> modified = new ArrayList<>();
        rw.addListener(new RewriteListener() {
            @Override
            public void opModified(Operation o) {
                modified.add(o);
            }
        });
        op.setStride(rw, IntegerAttr.i64(4));
        op.setLabel(rw, StringAttr.of("l"));
        assertEquals(IntegerAttr.i64(4), op.stride());
        assertEquals(Optional.of(StringAttr.of("l")), op.label());
        op.removeStride(rw);
        op.removeLabel(rw);
        assertEquals(IntegerAttr.i64(1), op.stride(), "removing a defaulted attribute brings the default back");
        assertEquals(Optional.empty(), op.label());
        assertEquals(4, modified.size());
        assertTrue(modified.stream().allMatch(o -> o == op));
    }
}
