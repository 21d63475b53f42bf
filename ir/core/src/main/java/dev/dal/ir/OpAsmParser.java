package dev.dal.ir;

import java.util.List;
import java.util.Optional;

/**
 * What a custom op parser can read (MLIR's {@code OpAsmParser}). Methods named {@code parseX} report an error
 * through the parser and return empty/false when X is missing; {@code parseOptionalX} consume X only if present.
 */
public interface OpAsmParser {
    /** An SSA use not yet resolved to a value: {@code %name} or {@code %name#2}. */
    record UnresolvedOperand(String name, int resultNumber, Location loc) {}

    /** A region argument as written in a signature: {@code %a: T {attrs} loc(...)}. */
    record Argument(UnresolvedOperand ssa, Type type, DictionaryAttr attrs, Optional<Location> loc) {}

    /** {@return the location of the next token} */
    Location currentLocation();

    /** Reports an error at the next token. @return false, so callers can {@code return p.emitError(...)} */
    boolean emitError(String message);

    /** Reports an error at a location. @return false */
    boolean emitError(Location loc, String message);

    /** Consumes a punctuation token such as {@code "("}, {@code "->"}, {@code ":"}, {@code ","}, {@code "{"}. */
    boolean parseToken(String punct);

    /** Consumes a punctuation token if it is next. */
    boolean parseOptionalToken(String punct);

    /** Consumes a bare keyword. */
    boolean parseKeyword(String keyword);

    /** Consumes a bare keyword if it is next. */
    boolean parseOptionalKeyword(String keyword);

    /** {@return a bare identifier if one is next (consumed)} */
    Optional<String> parseOptionalBareIdentifier();

    /** {@return a string literal's value if one is next (consumed)} */
    Optional<String> parseOptionalString();

    /** {@return the {@code @symbol} name} */
    Optional<String> parseSymbolName();

    /** {@return the {@code @symbol} name if one is next} */
    Optional<String> parseOptionalSymbolName();

    /** {@return an SSA use} */
    Optional<UnresolvedOperand> parseOperand();

    /** {@return an SSA use if one is next} */
    Optional<UnresolvedOperand> parseOptionalOperand();

    /** {@return a possibly empty comma-separated list of SSA uses} */
    Optional<List<UnresolvedOperand>> parseOperandList();

    /** Resolves a use to a value of the given type (reporting a type mismatch or an undefined value). */
    Optional<Value> resolveOperand(UnresolvedOperand operand, Type type);

    /** {@return a type} */
    Optional<Type> parseType();

    /** {@return a comma-separated list of types (possibly empty)} */
    Optional<List<Type>> parseTypeList();

    /** {@return a function result list: a single type or a parenthesized list} */
    Optional<List<Type>> parseFunctionResultTypes();

    /** {@return an attribute, with its type suffix if written} */
    Optional<Attribute> parseAttribute();

    /** Parses {@code {a = 1, b}} if it is next, adding the entries to {@code into}. */
    boolean parseOptionalAttrDict(List<NamedAttribute> into);

    /** Parses {@code attributes {a = 1}} if it is next, adding the entries to {@code into}. */
    boolean parseOptionalAttrDictWithKeyword(List<NamedAttribute> into);

    /** {@return a block argument declaration {@code %a: T {attrs} loc(...)}} */
    Optional<Argument> parseArgument(boolean allowAttrs);

    /** {@return a parenthesized list of argument declarations; {@code allowVariadic} admits a trailing {@code ...}} */
    Optional<List<Argument>> parseArgumentList(boolean allowAttrs);

    /** Parses {@code loc(...)} if it is next. */
    Optional<Location> parseOptionalLocationSpecifier();

    /** {@return a successor block reference {@code ^bb1}} */
    Optional<Block> parseSuccessor();

    /**
     * Parses a region in braces into {@code region}. {@code entryArgs} are defined as the entry block's arguments
     * (for a function body); when empty the entry block may declare its own.
     */
    boolean parseRegion(Region region, List<Argument> entryArgs);

    /** Parses a region if a {@code {} is next. @return whether one was parsed (errors are reported) */
    Optional<Boolean> parseOptionalRegion(Region region, List<Argument> entryArgs);
}
