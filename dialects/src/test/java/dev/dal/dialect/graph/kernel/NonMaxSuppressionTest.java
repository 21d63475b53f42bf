package dev.dal.dialect.graph.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dal.ir.interp.Tensor;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** NonMaxSuppression against hand-worked selections. */
class NonMaxSuppressionTest {
    /** Unit squares at x = 0, 0.1, 5 and 5.6 (corners format), so boxes 0/1 and 2/3 overlap. */
    private static final float[] BOXES = {0, 0, 1, 1, 0, 0.1f, 1, 1.1f, 0, 5, 1, 6, 0, 5.6f, 1, 6.6f};

    private static NonMaxSuppression.Params params(long max, float iou, float score) {
        return new NonMaxSuppression.Params(max, iou, score, false);
    }

    @Test
    void overlappingLowerScoredBoxesAreSuppressed() {
        Tensor boxes = Tensor.of(BOXES, 1, 4, 4), scores = Tensor.of(new float[] {0.9f, 0.95f, 0.3f, 0.8f}, 1, 1, 4);
        // IoU(0, 1) = 0.9 / 1.1 > 0.5; IoU(2, 3) = 0.4 / 1.6 < 0.5
        Tensor t = NonMaxSuppression.select(boxes, scores, params(10, 0.5f, Float.NEGATIVE_INFINITY));
        assertArrayEquals(new int[] {3, 3}, t.shape());
        assertArrayEquals(new long[] {0, 0, 1, 0, 0, 3, 0, 0, 2}, t.longs());
    }

    @Test
    void scoreThresholdAndTheLimitPerClassCutTheSelection() {
        Tensor boxes = Tensor.of(BOXES, 1, 4, 4), scores = Tensor.of(new float[] {0.9f, 0.95f, 0.3f, 0.8f}, 1, 1, 4);
        assertArrayEquals(
                new long[] {0, 0, 1, 0, 0, 3},
                NonMaxSuppression.select(boxes, scores, params(10, 0.5f, 0.3f)).longs());
        assertArrayEquals(
                new long[] {0, 0, 1},
                NonMaxSuppression.select(boxes, scores, params(1, 0.5f, 0f)).longs());
        assertEquals(
                0, NonMaxSuppression.select(boxes, scores, params(0, 0.5f, 0f)).dim(0));
    }

    @Test
    void equalScoresSelectTheLowerIndexAndEachBatchAndClassIsSeparate() {
        Tensor boxes = Tensor.of(new float[] {0, 0, 1, 1, 0, 0, 1, 1, 0, 0, 1, 1, 0, 0, 1, 1}, 2, 2, 4);
        Tensor scores = Tensor.of(new float[] {0.5f, 0.5f, 0.1f, 0.7f, 0.2f, 0.2f, 0.9f, 0.9f}, 2, 2, 2);
        Tensor t = NonMaxSuppression.select(boxes, scores, params(5, 0.5f, Float.NEGATIVE_INFINITY));
        assertArrayEquals(new long[] {0, 0, 0, 0, 1, 1, 1, 0, 0, 1, 1, 0}, t.longs());
    }

    @Test
    void centerPointBoxesSelectAsTheirCorners() {
        Random rnd = new Random(9);
        int n = 12;
        float[] corners = new float[n * 4], centers = new float[n * 4], scores = new float[n];
        for (int i = 0; i < n; i++) {
            // quarter steps keep the conversion exact
            float y = rnd.nextInt(16) / 4f,
                    x = rnd.nextInt(16) / 4f,
                    h = 1 + rnd.nextInt(8) / 4f,
                    w = 1 + rnd.nextInt(8) / 4f;
            System.arraycopy(new float[] {y, x, y + h, x + w}, 0, corners, 4 * i, 4);
            System.arraycopy(new float[] {x + w / 2, y + h / 2, w, h}, 0, centers, 4 * i, 4);
            scores[i] = rnd.nextFloat();
        }
        Tensor s = Tensor.of(scores, 1, 1, n);
        Tensor a = NonMaxSuppression.select(Tensor.of(corners, 1, n, 4), s, params(n, 0.3f, 0.2f));
        Tensor b = NonMaxSuppression.select(
                Tensor.of(centers, 1, n, 4), s, new NonMaxSuppression.Params(n, 0.3f, 0.2f, true));
        assertArrayEquals(a.longs(), b.longs());
    }
}
