/**
 * Reading DAL's textual IR: MLIR's generic form, DAL's standard pretty shape and custom op forms.
 *
 * <p>{@link dev.dal.ir.parse.IrParser#parse} is the entry point. Tokens come from the ANTLR grammar
 * {@code IrLexer.g4} (no actions), with hand-written fast paths in {@code FastIrLexer} that a property test holds to
 * the grammar; {@code OperationParser} and {@code AttrTypeParser} read operations, regions, blocks, types, attributes
 * and locations by recursive descent, as MLIR's parser does, because custom op syntax is read through
 * {@link dev.dal.ir.OpAsmParser} calls at parse time. Errors are reported once, with a {@code file:line:col}
 * location, and stop the parse.
 */
package dev.dal.ir.parse;
