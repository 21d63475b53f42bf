package dev.dal.ir.builtin;

import dev.dal.ir.Block;
import dev.dal.ir.OpResult;
import dev.dal.ir.Region;
import dev.dal.ir.StringAttr;
import dev.dal.ir.Value;
import dev.dal.ir.opdef.Attr;
import dev.dal.ir.opdef.DialectDef;
import dev.dal.ir.opdef.Op;
import dev.dal.ir.opdef.Operand;
import dev.dal.ir.opdef.RegionDef;
import dev.dal.ir.opdef.Result;
import dev.dal.ir.trait.IsolatedFromAbove;
import dev.dal.ir.trait.NoTerminator;
import dev.dal.ir.trait.SingleBlock;
import dev.dal.ir.trait.SymbolTable;
import java.util.List;
import java.util.Optional;

/** The ops of MLIR's {@code builtin} dialect that DAL uses: the module and the unrealized conversion cast. */
@DialectDef(name = "builtin", summary = "The top-level module and the cast between type systems used mid-conversion")
public final class BuiltinOpDefs {
    private BuiltinOpDefs() {}

    /**
     * A module: the top-level container of functions and other symbols.
     *
     * <p>Its one region has one block and no terminator. Written with its optional name, as MLIR does:
     *
     * <pre>{@code
     * module @model {
     *   func.func @main(%x: tensor<4xf32>) -> tensor<4xf32> {
     *     return %x : tensor<4xf32>
     *   }
     * }
     * }</pre>
     */
    @Op(
            name = "module",
            traits = {IsolatedFromAbove.class, SymbolTable.class, NoTerminator.class, SingleBlock.class},
            format = Op.Format.CUSTOM,
            assembly = ModuleAssembly.class)
    public interface Module {
        /** {@return the module's name} */
        @Attr(doc = "the module's name, if it has one")
        Optional<StringAttr> symName();

        /** {@return the symbol visibility} */
        @Attr(doc = "symbol visibility: public, private or nested")
        Optional<StringAttr> symVisibility();

        /** {@return the body} */
        @RegionDef(doc = "the module's ops, in one block")
        Region bodyRegion();

        /** {@return the module's block, added on first use so that a new module can be filled right away} */
        default Block body() {
            Region r = bodyRegion();
            return r.isEmpty() ? r.addBlock() : r.entry();
        }
    }

    /**
     * A cast between values of types of different type systems, left by a partial conversion; a later pass removes
     * it.
     *
     * <pre>{@code
     * %1 = "builtin.unrealized_conversion_cast"(%0) : (tensor<4xf32>) -> !npu.tensor<4xf32>
     * }</pre>
     */
    @Op(name = "unrealized_conversion_cast", format = Op.Format.GENERIC)
    public interface UnrealizedConversionCast {
        /** {@return the values converted} */
        @Operand(doc = "the values converted")
        List<Value> inputs();

        /** {@return the converted values} */
        @Result(doc = "the converted values")
        List<OpResult> outputs();
    }
}
