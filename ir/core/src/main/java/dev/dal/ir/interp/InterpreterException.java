package dev.dal.ir.interp;

import dev.dal.ir.Location;
import dev.dal.ir.Operation;

/**
 * A failure while loading or running IR, with an MLIR-style message: {@code file:line:col: error: message} when the
 * location has a file position, {@code loc("name"): error: message} otherwise. Tools print {@link #getMessage()}.
 */
public final class InterpreterException extends RuntimeException {
    private final Location location;

    /** Creates an error at a location. */
    public InterpreterException(Location location, String message) {
        super(render(location, message));
        this.location = location;
    }

    /** Creates an error at a location, keeping the cause for debugging. */
    public InterpreterException(Location location, String message, Throwable cause) {
        super(render(location, message), cause);
        this.location = location;
    }

    /** {@return an error at an op, naming it: {@code 'graph.conv' op message}} */
    public static InterpreterException atOp(Operation op, String message) {
        return new InterpreterException(op.loc(), "'" + op.name() + "' op " + message);
    }

    /** {@return where the error is} */
    public Location location() {
        return location;
    }

    /** {@return a location as a message prefix} */
    public static String locationText(Location l) {
        var pos = l.filePosition();
        if (pos.isPresent())
            return pos.get().file() + ":" + pos.get().line() + ":" + pos.get().column();
        return switch (l) {
            case Location.Name n -> "loc(\"" + n.name() + "\")";
            case Location.Fused f
            when !f.locations().isEmpty() -> locationText(f.locations().getFirst());
            case Location.CallSite c -> locationText(c.callee());
            default -> "loc(unknown)";
        };
    }

    private static String render(Location l, String message) {
        return locationText(l) + ": error: " + message;
    }
}
