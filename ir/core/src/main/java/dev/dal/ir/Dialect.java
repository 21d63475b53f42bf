package dev.dal.ir;

import java.util.List;

/**
 * A namespace of ops (and later types and attributes). Each dialect is found through {@link java.util.ServiceLoader};
 * the op-definition processor writes the implementation and its service entry from the dialect's declaration.
 */
public interface Dialect {
    /** {@return the namespace, e.g. {@code graph}} */
    String name();

    /** {@return a one-line description} */
    String summary();

    /** {@return the ops this dialect defines} */
    List<OpDefinition> ops();

    /**
     * Creates an op that materializes a folded constant of this dialect's ops (for example {@code dal.constant}).
     *
     * @return empty if the dialect cannot materialize {@code value} as {@code type}
     */
    default java.util.Optional<Operation> materializeConstant(Builder b, Attribute value, Type type, Location loc) {
        return java.util.Optional.empty();
    }

    /**
     * Parses one of this dialect's types from the text after {@code !name.} (e.g. {@code uniform<i8:f32, 0.5>}, blanks
     * collapsed). Dialects that model types declare a static {@code parseType(String)} in their {@code OpDefs} class.
     *
     * @return empty if the dialect does not model this kind of type (it then stays an {@link OpaqueType})
     * @throws IllegalArgumentException with the message to report if the text is a malformed or invalid type
     */
    default java.util.Optional<Type> parseType(String body) {
        return java.util.Optional.empty();
    }
}
