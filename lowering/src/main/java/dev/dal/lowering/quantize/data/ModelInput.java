package dev.dal.lowering.quantize.data;

import dev.dal.ir.FunctionType;
import dev.dal.ir.Operation;
import dev.dal.ir.ShapedType;
import dev.dal.ir.TensorType;
import dev.dal.ir.TypeAttr;
import dev.dal.ir.interp.DType;
import dev.dal.ir.interp.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One input of the function being calibrated: its name (the argument's {@code onnx.name}, or its position as text)
 * and its declared tensor type ({@code ?} dimensions take any size).
 *
 * @param name the input's name
 * @param type its type
 */
public record ModelInput(String name, TensorType type) {

    /**
     * {@return the inputs of {@code func}, named by {@code names} (as the interpreter names them)}
     *
     * @throws DataException if an input is not a ranked tensor of a runtime element type
     */
    public static List<ModelInput> of(Operation func, List<String> names) throws DataException {
        FunctionType ft = func.attribute("function_type")
                .filter(a -> a instanceof TypeAttr t && t.value() instanceof FunctionType)
                .map(a -> (FunctionType) ((TypeAttr) a).value())
                .orElseThrow(() -> new IllegalStateException("func.func without function_type: " + func));
        List<ModelInput> out = new ArrayList<>();
        for (int i = 0; i < ft.inputs().size(); i++) {
            String name = names.get(i);
            if (!(ft.inputs().get(i) instanceof TensorType t)
                    || DType.fromIrType(t.elementType()).isEmpty())
                throw new DataException("input '" + name + "' is not a ranked tensor of numbers: "
                        + dev.dal.ir.trait.Traits.typeText(ft.inputs().get(i)));
            out.add(new ModelInput(name, t));
        }
        return out;
    }

    /** {@return the runtime element type of the input} */
    public DType dtype() {
        return DType.fromIrType(type.elementType()).orElseThrow();
    }

    /** {@return the rank of the input} */
    public int rank() {
        return type.shape().size();
    }

    /** {@return dimension {@code i}, or -1 if it is dynamic} */
    public long dim(int i) {
        long d = type.shape().get(i);
        return d == ShapedType.DYNAMIC ? -1 : d;
    }

    /** {@return the type as IR text, for messages} */
    public String typeText() {
        return dev.dal.ir.trait.Traits.typeText(type);
    }

    /** {@return why {@code t} cannot be this input, or empty if it fits (dtype and static dimensions)} */
    public Optional<String> mismatch(Tensor t) {
        if (t.dtype() != dtype())
            return Optional.of(
                    "dtype " + lower(t.dtype()) + " does not match input '" + name + "' of type " + typeText());
        if (!shapeFits(t.shape(), 0))
            return Optional.of("shape " + Tensor.shapeText(t.shape()) + " does not match input '" + name + "' of type "
                    + typeText());
        return Optional.empty();
    }

    /** {@return whether {@code shape} matches this input's dimensions from {@code first} on} */
    boolean shapeFits(int[] shape, int first) {
        if (shape.length != rank() - first) return false;
        for (int i = first; i < rank(); i++) if (dim(i) >= 0 && dim(i) != shape[i - first]) return false;
        return true;
    }

    static String lower(DType d) {
        return d.name().toLowerCase(java.util.Locale.ROOT);
    }
}
