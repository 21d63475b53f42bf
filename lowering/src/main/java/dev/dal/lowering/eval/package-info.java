/**
 * Accuracy evaluation of a model against a reference (DESIGN.md §7): a float model and its quantized form run on the
 * same samples, and every model output and every layer (matched by op location) is compared with the
 * {@link dev.dal.lowering.eval.Metrics} of the Shanhai toolchain's accuracy reports: mean absolute error, mean
 * squared error, PSNR, cosine similarity and maximum absolute error, plus top-1/top-5 agreement and top-1 accuracy
 * for classifier outputs. {@link dev.dal.lowering.eval.Evaluator} runs the models; {@code dal-eval} and the toolchain
 * driver render its {@link dev.dal.lowering.eval.EvalReport}.
 */
package dev.dal.lowering.eval;
