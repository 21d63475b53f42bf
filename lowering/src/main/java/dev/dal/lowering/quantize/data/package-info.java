/**
 * Calibration and evaluation data (issue 6): {@link SampleReader}s turn a path (a NumPy {@code .npy} or {@code .npz}
 * file, a folder of tensor files or of ONNX test data sets, a folder of PNG/JPEG images) into a {@link SampleSet}
 * of model inputs, matched to the function's inputs by name or, for a one-input model, by position, and checked
 * against their types. {@link SampleReaders#open} chooses the reader by what the path holds; plugins add readers
 * through {@link java.util.ServiceLoader}.
 */
package dev.dal.lowering.quantize.data;
