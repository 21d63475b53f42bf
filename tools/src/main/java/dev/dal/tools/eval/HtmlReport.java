package dev.dal.tools.eval;

import dev.dal.lowering.eval.ErrorStats;
import dev.dal.lowering.eval.EvalReport;
import dev.dal.tools.Version;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * Renders an {@link EvalReport} as one self-contained HTML page ({@code report.html}): a summary, the metrics of
 * each output, bar charts of each layer's cosine similarity and PSNR in graph order (inline SVG), and the layer
 * table with the worst layers first. It loads nothing from the network.
 */
final class HtmlReport {
    /** Below this cosine similarity a value is marked bad (red), below {@link #WARN_COSINE} doubtful (amber). */
    static final double BAD_COSINE = 0.99;

    static final double WARN_COSINE = 0.999;

    private HtmlReport() {}

    /** {@return the page} */
    static String render(EvalReport r) {
        StringBuilder sb = new StringBuilder();
        sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>dal-eval: ")
                .append(esc(r.quantizedModel()))
                .append("</title>\n<style>\n")
                .append("body{font-family:system-ui,sans-serif;margin:2em;color:#222}")
                .append("table{border-collapse:collapse;margin:1em 0}")
                .append("th,td{border:1px solid #ccc;padding:3px 8px;text-align:right;font-size:13px}")
                .append("th{background:#f2f2f2}td.l,th.l{text-align:left}")
                .append(".bad{background:#fbdada}.warn{background:#fdf0cf}")
                .append(".chart{overflow-x:auto}p.note{font-size:13px;color:#555}\n")
                .append("</style>\n</head>\n<body>\n");
        sb.append("<h1>Accuracy evaluation</h1>\n");
        summary(sb, r);
        outputs(sb, r);
        layers(sb, r);
        if (!r.notes().isEmpty()) {
            sb.append("<h2>Notes</h2>\n<ul>\n");
            for (String n : r.notes()) sb.append("<li>").append(esc(n)).append("</li>\n");
            sb.append("</ul>\n");
        }
        sb.append("<h2>How the metrics are computed</h2>\n<p class=\"note\">Each value of the quantized model is"
                + " compared with the float model's value of the same name (the op's location), dequantized to"
                + " reals first. mae, mse and max abs error are over every element of every sample; psnr ="
                + " 10&#183;log10(peak&#178; / mse) with the peak the largest |float value| of that tensor over all"
                + " samples (&#8734; when the values are equal); cosine is computed per sample and averaged, its"
                + " minimum shown beside it. Top-1 agreement: both models rank the same class first; top-5"
                + " agreement: the float model's first class is among the quantized model's five highest.</p>\n");
        sb.append("<p class=\"note\">dal-eval ").append(esc(Version.VERSION)).append("</p>\n</body>\n</html>\n");
        return sb.toString();
    }

    private static void summary(StringBuilder sb, EvalReport r) {
        sb.append("<table>\n");
        row(sb, "float model", r.floatModel());
        row(sb, "quantized model", r.quantizedModel());
        row(sb, "samples", Integer.toString(r.samples()));
        for (EvalReport.OutputResult o : r.outputs()) {
            String p = "output " + o.name() + ": ";
            row(sb, p + "cosine similarity", cosine(o.metrics().cosine()));
            row(sb, p + "psnr", psnr(o.metrics().psnr()));
            if (o.classifier().isPresent()) {
                EvalReport.ClassifierResult c = o.classifier().get();
                row(sb, p + "top-1 / top-5 agreement", percent(c.top1Agreement()) + " / " + percent(c.top5Agreement()));
                if (c.floatAccuracy().isPresent())
                    row(
                            sb,
                            p + "top-1 accuracy, float → quantized",
                            percent(c.floatAccuracy()) + " → " + percent(c.quantizedAccuracy()));
            }
        }
        row(sb, "layers compared", Integer.toString(r.layers().size()));
        List<EvalReport.LayerResult> worst = r.worstLayersFirst();
        if (!worst.isEmpty())
            row(
                    sb,
                    "worst layer",
                    worst.getFirst().name() + " (cosine "
                            + cosine(worst.getFirst().metrics().cosine()) + ")");
        sb.append("</table>\n");
    }

    private static void outputs(StringBuilder sb, EvalReport r) {
        sb.append("<h2>Outputs</h2>\n<table>\n<tr><th class=\"l\">output</th><th class=\"l\">type</th>")
                .append(METRIC_HEADERS)
                .append("<th>top-1 agr.</th><th>top-5 agr.</th><th>float acc.</th><th>quantized acc.</th></tr>\n");
        for (EvalReport.OutputResult o : r.outputs()) {
            sb.append("<tr")
                    .append(rowClass(o.metrics().cosine()))
                    .append("><td class=\"l\">")
                    .append(esc(o.name()))
                    .append("</td><td class=\"l\">")
                    .append(esc(o.type()))
                    .append("</td>");
            metricCells(sb, o.metrics());
            var c = o.classifier();
            cell(sb, c.map(x -> percent(x.top1Agreement())).orElse(""));
            cell(sb, c.map(x -> percent(x.top5Agreement())).orElse(""));
            cell(sb, c.map(x -> percent(x.floatAccuracy())).orElse(""));
            cell(sb, c.map(x -> percent(x.quantizedAccuracy())).orElse(""));
            sb.append("</tr>\n");
        }
        sb.append("</table>\n");
    }

    private static void layers(StringBuilder sb, EvalReport r) {
        sb.append("<h2>Layers</h2>\n");
        List<EvalReport.LayerResult> layers = r.layers();
        if (layers.isEmpty()) {
            sb.append("<p>No layer of the float model has a counterpart of the same name in the quantized"
                    + " model.</p>\n");
            return;
        }
        List<String> names = layers.stream().map(EvalReport.LayerResult::name).toList();
        double[] cos = layers.stream().mapToDouble(l -> l.metrics().cosine()).toArray();
        double[] psnr = layers.stream().mapToDouble(l -> l.metrics().psnr()).toArray();
        double minCos = java.util.Arrays.stream(cos).min().orElse(1);
        double lo = 0;
        for (double candidate : new double[] {0.999, 0.99, 0.9, 0.5, 0, -1})
            if (candidate <= minCos) {
                lo = candidate;
                break;
            }
        double maxPsnr =
                java.util.Arrays.stream(psnr).filter(Double::isFinite).max().orElse(0);
        double hiPsnr = Math.max(10, Math.ceil(maxPsnr / 10) * 10);
        sb.append("<h3>Cosine similarity per layer (graph order; dashed: 0.99)</h3>\n<div class=\"chart\">")
                .append(SvgBarChart.render(
                        "cosine similarity per layer",
                        names,
                        cos,
                        lo,
                        1,
                        BAD_COSINE,
                        HtmlReport::cosine,
                        HtmlReport::colour))
                .append("</div>\n");
        sb.append("<h3>PSNR per layer (graph order)</h3>\n<div class=\"chart\">")
                .append(SvgBarChart.render(
                        "PSNR per layer in dB",
                        names,
                        psnr,
                        0,
                        hiPsnr,
                        Double.NaN,
                        v -> String.format(Locale.ROOT, "%.1f dB", v),
                        v -> "#4a7bb7"))
                .append("</div>\n");
        sb.append("<h3>Layers, worst first</h3>\n<table>\n<tr><th>#</th><th class=\"l\">layer</th>")
                .append("<th class=\"l\">float op</th><th class=\"l\">quantized op</th><th class=\"l\">type</th>")
                .append(METRIC_HEADERS)
                .append("</tr>\n");
        for (EvalReport.LayerResult l : r.worstLayersFirst()) {
            sb.append("<tr")
                    .append(rowClass(l.metrics().cosine()))
                    .append("><td>")
                    .append(l.index())
                    .append("</td>");
            for (String s : List.of(l.name(), l.floatOp(), l.quantizedOp(), l.type()))
                sb.append("<td class=\"l\">").append(esc(s)).append("</td>");
            metricCells(sb, l.metrics());
            sb.append("</tr>\n");
        }
        sb.append("</table>\n");
    }

    private static final String METRIC_HEADERS = "<th>cosine</th><th>min cosine</th><th>psnr</th><th>mae</th>"
            + "<th>mse</th><th>max abs err</th><th>peak</th>";

    private static void metricCells(StringBuilder sb, ErrorStats.Summary m) {
        cell(sb, cosine(m.cosine()));
        cell(sb, cosine(m.minCosine()));
        cell(sb, psnr(m.psnr()));
        cell(sb, num(m.mae()));
        cell(sb, num(m.mse()));
        cell(sb, num(m.maxAbsError()));
        cell(sb, num(m.peak()));
    }

    private static void row(StringBuilder sb, String name, String value) {
        sb.append("<tr><th class=\"l\">")
                .append(esc(name))
                .append("</th><td class=\"l\">")
                .append(esc(value))
                .append("</td></tr>\n");
    }

    private static void cell(StringBuilder sb, String text) {
        sb.append("<td>").append(esc(text)).append("</td>");
    }

    private static String rowClass(double cosine) {
        return cosine < BAD_COSINE ? " class=\"bad\"" : cosine < WARN_COSINE ? " class=\"warn\"" : "";
    }

    private static String colour(double cosine) {
        return cosine < BAD_COSINE ? "#d9534f" : cosine < WARN_COSINE ? "#f0ad4e" : "#5cb85c";
    }

    static String cosine(double v) {
        return String.format(Locale.ROOT, "%.6f", v);
    }

    static String psnr(double v) {
        if (v == Double.POSITIVE_INFINITY) return "∞";
        if (v == Double.NEGATIVE_INFINITY) return "-∞";
        return String.format(Locale.ROOT, "%.2f dB", v);
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }

    private static String percent(double v) {
        return String.format(Locale.ROOT, "%.2f%%", 100 * v);
    }

    private static String percent(OptionalDouble v) {
        return v.isPresent() ? percent(v.getAsDouble()) : "";
    }

    /** {@return {@code s} with HTML's special characters escaped, for text and attribute values} */
    static String esc(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
