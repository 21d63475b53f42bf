/**
 * The IR printer: MLIR's generic form byte for byte as {@code mlir-opt --mlir-print-op-generic} 16 prints it, DAL's
 * pretty forms, locations, aliases, the resource section, and MLIR's float formatting ({@link
 * dev.dal.ir.print.FloatFormat}). Entry point: {@link dev.dal.ir.print.IrPrinter}.
 */
package dev.dal.ir.print;
