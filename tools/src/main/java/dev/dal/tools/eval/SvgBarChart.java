package dev.dal.tools.eval;

import java.util.List;
import java.util.Locale;

/**
 * A bar chart as inline SVG: one bar per value, in the given order, on a vertical scale from {@code lo} to {@code
 * hi} (values outside are drawn at the nearest end; an infinite value is a full bar marked ∞). Each bar's tooltip
 * names its label and value. No scripts, fonts or other resources: the chart renders inside a saved HTML file.
 */
final class SvgBarChart {
    private static final int HEIGHT = 180;
    private static final int LEFT = 64;
    private static final int TOP = 12;
    private static final int LABEL_SPACE = 96;

    /** The colour of a bar for a value. */
    @FunctionalInterface
    interface Colour {
        String of(double value);
    }

    private SvgBarChart() {}

    /**
     * {@return the SVG element of the chart}
     *
     * @param labels    the bars' names, drawn under them when there are few enough to read
     * @param reference a value marked by a dashed line (a target), or NaN for none
     * @param format    how a value is written in tooltips and on the axis
     */
    static String render(
            String title,
            List<String> labels,
            double[] values,
            double lo,
            double hi,
            double reference,
            java.util.function.DoubleFunction<String> format,
            Colour colour) {
        int n = values.length;
        int bar = n <= 40 ? 18 : n <= 120 ? 8 : 4;
        int width = LEFT + Math.max(n * bar, 200) + 16;
        boolean named = n <= 40;
        int height = TOP + HEIGHT + (named ? LABEL_SPACE : 24);
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" role=\"img\" aria-label=\"%s\">",
                width,
                height,
                HtmlReport.esc(title)));
        sb.append("<title>").append(HtmlReport.esc(title)).append("</title>");
        // axis with the range's ends and middle
        for (double f : new double[] {0, 0.5, 1}) {
            double v = lo + f * (hi - lo);
            int y = TOP + (int) Math.round(HEIGHT * (1 - f));
            sb.append(String.format(
                    Locale.ROOT,
                    "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#ccc\"/>",
                    LEFT,
                    y,
                    width - 8,
                    y));
            sb.append(String.format(
                    Locale.ROOT,
                    "<text x=\"%d\" y=\"%d\" font-size=\"10\" text-anchor=\"end\">%s</text>",
                    LEFT - 4,
                    y + 3,
                    HtmlReport.esc(format.apply(v))));
        }
        for (int i = 0; i < n; i++) {
            double v = values[i];
            double f = Double.isNaN(v) ? 0 : v == Double.POSITIVE_INFINITY ? 1 : (v - lo) / (hi - lo);
            f = Math.max(0, Math.min(1, f));
            int h = Math.max(1, (int) Math.round(HEIGHT * f));
            int x = LEFT + i * bar;
            String text = labels.get(i) + ": " + (v == Double.POSITIVE_INFINITY ? "∞" : format.apply(v));
            sb.append(String.format(
                    Locale.ROOT,
                    "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"><title>%s</title></rect>",
                    x + 1,
                    TOP + HEIGHT - h,
                    bar - 2,
                    h,
                    colour.of(v),
                    HtmlReport.esc(text)));
            if (v == Double.POSITIVE_INFINITY)
                sb.append(String.format(
                        Locale.ROOT,
                        "<text x=\"%d\" y=\"%d\" font-size=\"9\" text-anchor=\"middle\">∞</text>",
                        x + bar / 2,
                        TOP + 9));
            if (named)
                sb.append(String.format(
                        Locale.ROOT,
                        "<text font-size=\"9\" transform=\"translate(%d,%d) rotate(60)\">%s</text>",
                        x + bar / 2 - 2,
                        TOP + HEIGHT + 6,
                        HtmlReport.esc(shorten(labels.get(i)))));
        }
        if (reference > lo && reference < hi) {
            int y = TOP + (int) Math.round(HEIGHT * (1 - (reference - lo) / (hi - lo)));
            sb.append(String.format(
                    Locale.ROOT,
                    "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#d9534f\" stroke-dasharray=\"4 3\">"
                            + "<title>%s</title></line>",
                    LEFT,
                    y,
                    width - 8,
                    y,
                    HtmlReport.esc("target " + format.apply(reference))));
        }
        if (!named)
            sb.append(String.format(
                    Locale.ROOT,
                    "<text x=\"%d\" y=\"%d\" font-size=\"10\">layers 0–%d in graph order (hover a bar for its"
                            + " name)</text>",
                    LEFT,
                    TOP + HEIGHT + 16,
                    n - 1));
        return sb.append("</svg>").toString();
    }

    private static String shorten(String label) {
        return label.length() <= 18 ? label : "…" + label.substring(label.length() - 17);
    }
}
