package dev.dal.tools.filecheck;

import java.util.List;
import java.util.Optional;

/** A numeric expression of a {@code [[#...]]} block: literals, variables, {@code + -} and function calls. */
sealed interface NumericExpr {
    /** An integer literal. */
    record Literal(long value) implements NumericExpr {}

    /** A use of a numeric variable (or {@code @LINE}, whose value is fixed at parse time as a literal). */
    record Variable(String name, int pos) implements NumericExpr {}

    /** A binary operation or function call: add, sub, mul, div, max, min. */
    record Call(String function, List<NumericExpr> args) implements NumericExpr {}

    /** Raised when an expression cannot be evaluated. */
    final class EvalException extends Exception {
        EvalException(String message) {
            super(message, null, false, false);
        }
    }

    /** Lookup of numeric variable values during evaluation. */
    interface Values {
        /** {@return the variable's value, or empty when it is undefined} */
        Optional<Long> value(String name);
    }

    /** {@return the value of this expression} */
    default long evaluate(Values values) throws EvalException {
        switch (this) {
            case Literal l -> {
                return l.value();
            }
            case Variable v -> {
                return values.value(v.name()).orElseThrow(() -> new EvalException("undefined variable: " + v.name()));
            }
            case Call c -> {
                long a = c.args().get(0).evaluate(values);
                long b = c.args().get(1).evaluate(values);
                try {
                    return switch (c.function()) {
                        case "add" -> Math.addExact(a, b);
                        case "sub" -> Math.subtractExact(a, b);
                        case "mul" -> Math.multiplyExact(a, b);
                        case "div" -> {
                            if (b == 0) throw new EvalException("division by zero");
                            yield a / b;
                        }
                        case "max" -> Math.max(a, b);
                        default -> Math.min(a, b);
                    };
                } catch (ArithmeticException e) {
                    throw new EvalException("overflow error");
                }
            }
        }
    }

    /** Collects the names of the variables this expression uses. */
    default void collectVariables(List<Variable> out) {
        switch (this) {
            case Literal l -> {}
            case Variable v -> out.add(v);
            case Call c -> c.args().forEach(a -> a.collectVariables(out));
        }
    }
}
