/**
 * The {@code quantize} pass (issue 6, DESIGN §7): calibration through the interpreter's probes, scale choice
 * ({@link dev.dal.lowering.quantize.calib}), and the rewrite of graph ops to the {@code qnn} and {@code quant}
 * dialects. Calibration data readers are in {@link dev.dal.lowering.quantize.data}.
 */
package dev.dal.lowering.quantize;
