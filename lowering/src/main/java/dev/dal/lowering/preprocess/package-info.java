/**
 * The {@code preprocess} pass: makes a model input take raw camera images (u8 or f32, NHWC or NCHW, RGB, BGR or
 * GRAY) by inserting a pre-head ({@code (x - mean) / std} and the layout and colour conversion), folded into the
 * first convolution's weights and bias where that is exact.
 */
package dev.dal.lowering.preprocess;
