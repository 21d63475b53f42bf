package dev.dal.lowering.quantize.calib;

/**
 * Names a calibrated value: result {@code index} of the op whose location is {@code name}, or (with index -1) the
 * function input named {@code name}. An op without a name location is named {@code <op name>@<position>} (its
 * position in the function's walk order); a name that several ops share gets {@code #2}, {@code #3}, ... on its
 * later ops, in walk order.
 *
 * @param name  the op's location name or the input's name
 * @param index the result index, or -1 for a function input
 */
public record ValueKey(String name, int index) {
    /** {@return the key of a function input} */
    public static ValueKey input(String name) {
        return new ValueKey(name, -1);
    }

    /** {@return whether this names a function input} */
    public boolean isInput() {
        return index < 0;
    }

    @Override
    public String toString() {
        return isInput() ? "input " + name : index == 0 ? name : name + "#result" + index;
    }
}
