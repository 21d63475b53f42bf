/**
 * Calibration (issue 6, DESIGN.md §7): {@link TensorStats} observes a tensor's min/max and a 2048-bin histogram of
 * {@code |x|} whose statistics merge exactly over data shards; {@link CalibrationRun} collects them from a running
 * model through the interpreter's probe, per op result, on all cores; a {@link Calibrator} turns them into a clipping
 * threshold and an int8 scale (min-max, KL divergence, percentile); {@link EasyQuant} refines a layer's activation
 * and weight scales for cosine similarity; {@link QuantMath} holds the symmetric int8 arithmetic (per-channel weight
 * scales, int32 bias).
 */
package dev.dal.lowering.quantize.calib;
