package dev.dal.dialect.graph.kernel;

import dev.dal.ir.interp.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * ONNX NonMaxSuppression: per batch and class, greedily selects boxes by descending score, skipping any box whose
 * intersection-over-union with an already selected box exceeds the threshold.
 */
public final class NonMaxSuppression {
    private NonMaxSuppression() {}

    /** The knobs of one suppression: the ONNX optional inputs and the box format. */
    public record Params(long maxPerClass, float iouThreshold, float scoreThreshold, boolean centerPointBox) {}

    /**
     * {@return the selected boxes as rows {@code [batch, class, box]}} ({@code [count, 3]}, {@code i64}), ordered by
     * batch, then class, then selection (descending score; equal scores keep the lower box index first). A box is a
     * candidate when its score is above {@code scoreThreshold}; at most {@code maxPerClass} are selected per batch and
     * class (0 selects none).
     *
     * @param boxes  {@code [batches, boxes, 4]}: corners {@code [y1, x1, y2, x2]} (either diagonal) or, with
     *               {@code centerPointBox}, {@code [x_center, y_center, width, height]}
     * @param scores {@code [batches, classes, boxes]}
     */
    public static Tensor select(Tensor boxes, Tensor scores, Params p) {
        if (boxes.rank() != 3 || boxes.dim(2) != 4)
            throw new IllegalArgumentException(
                    "boxes must have shape [batches, boxes, 4], got " + Tensor.shapeText(boxes.shape()));
        if (scores.rank() != 3 || scores.dim(0) != boxes.dim(0) || scores.dim(2) != boxes.dim(1))
            throw new IllegalArgumentException("scores " + Tensor.shapeText(scores.shape()) + " do not match boxes "
                    + Tensor.shapeText(boxes.shape()) + " ([batches, classes, boxes])");
        int batches = boxes.dim(0), classes = scores.dim(1), n = boxes.dim(1);
        List<long[]> rows = new ArrayList<>();
        for (int b = 0; b < batches; b++) {
            float[][] corners = corners(boxes, b, n, p.centerPointBox());
            for (int c = 0; c < classes; c++) {
                int base = (b * classes + c) * n;
                for (int box : selectOne(corners, scores, base, n, p)) rows.add(new long[] {b, c, box});
            }
        }
        long[] out = new long[rows.size() * 3];
        for (int i = 0; i < rows.size(); i++) System.arraycopy(rows.get(i), 0, out, 3 * i, 3);
        return Tensor.of(out, rows.size(), 3);
    }

    private static List<Integer> selectOne(float[][] corners, Tensor scores, int base, int n, Params p) {
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < n; i++) if (scores.getFloat(base + i) > p.scoreThreshold()) candidates.add(i);
        // List.sort is stable, so equal scores stay in index order
        candidates.sort((i, j) -> Float.compare(scores.getFloat(base + j), scores.getFloat(base + i)));
        List<Integer> selected = new ArrayList<>();
        for (int i : candidates) {
            if (selected.size() >= p.maxPerClass()) break;
            boolean keep = true;
            for (int s : selected)
                if (iou(corners[i], corners[s]) > p.iouThreshold()) {
                    keep = false;
                    break;
                }
            if (keep) selected.add(i);
        }
        return selected;
    }

    /** {@return the boxes of one batch as {@code [ymin, xmin, ymax, xmax]}} */
    private static float[][] corners(Tensor boxes, int b, int n, boolean center) {
        float[][] out = new float[n][];
        for (int i = 0; i < n; i++) {
            int o = (b * n + i) * 4;
            float v0 = boxes.getFloat(o),
                    v1 = boxes.getFloat(o + 1),
                    v2 = boxes.getFloat(o + 2),
                    v3 = boxes.getFloat(o + 3);
            if (center) {
                // [x_center, y_center, width, height]
                out[i] = new float[] {v1 - v3 / 2, v0 - v2 / 2, v1 + v3 / 2, v0 + v2 / 2};
            } else {
                out[i] = new float[] {Math.min(v0, v2), Math.min(v1, v3), Math.max(v0, v2), Math.max(v1, v3)};
            }
        }
        return out;
    }

    /** {@return the intersection over union of two boxes}, 0 when either has no area */
    static float iou(float[] a, float[] b) {
        float areaA = (a[2] - a[0]) * (a[3] - a[1]), areaB = (b[2] - b[0]) * (b[3] - b[1]);
        if (areaA <= 0 || areaB <= 0) return 0;
        float h = Math.max(0, Math.min(a[2], b[2]) - Math.max(a[0], b[0]));
        float w = Math.max(0, Math.min(a[3], b[3]) - Math.max(a[1], b[1]));
        float inter = h * w;
        return inter / (areaA + areaB - inter);
    }
}
