package dev.dal.lowering.quantize;

/** How the {@code quantize} pass rewrites one graph op (DESIGN §7, docs/quantize-pass.md). */
enum LayerKind {
    /** {@code graph.conv} or {@code graph.fused_conv} with constant weights: {@code qnn.conv}. */
    CONV,
    /** {@code graph.gemm}: {@code qnn.gemm}, alpha and beta folded into weights and bias. */
    GEMM,
    /** {@code graph.mat_mul}: {@code qnn.matmul}. */
    MATMUL,
    /** {@code graph.add}: {@code qnn.add}. */
    ADD,
    /** {@code graph.mul}: {@code qnn.mul}. */
    MUL,
    /** {@code graph.max_pool}: {@code qnn.max_pool}, same type in and out. */
    MAX_POOL,
    /** {@code graph.average_pool}: {@code qnn.average_pool}. */
    AVERAGE_POOL,
    /** {@code graph.global_average_pool}: {@code qnn.global_average_pool}. */
    GLOBAL_AVERAGE_POOL,
    /** {@code graph.concat}: {@code qnn.concat}. */
    CONCAT,
    /** {@code graph.resize}: {@code qnn.resize}, same type in and out. */
    RESIZE,
    /** Reshape-like data movement: the graph op stays, on stored integers of the input's type. */
    MOVE,
    /** An elementwise non-linear function: {@code qnn.lut}. */
    LUT;

    /** {@return whether the result has the input's quantized type (data movement and max pooling)} */
    boolean keepsInputType() {
        return this == MOVE || this == MAX_POOL || this == RESIZE;
    }

    /** {@return whether EasyQuant refines this layer's input and weight scales at accuracy level 1} */
    boolean hasWeights() {
        return this == CONV || this == GEMM || this == MATMUL;
    }
}
