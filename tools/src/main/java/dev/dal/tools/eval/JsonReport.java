package dev.dal.tools.eval;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.dal.lowering.eval.ErrorStats;
import dev.dal.lowering.eval.EvalReport;
import dev.dal.tools.Version;
import java.io.IOException;
import java.io.OutputStream;
import java.util.OptionalDouble;

/**
 * Writes an {@link EvalReport} as JSON ({@code report.json}), through Jackson's streaming generator:
 *
 * <pre>
 * {"tool": "dal-eval", "version": ..., "float_model": ..., "quantized_model": ..., "samples": 270,
 *  "outputs": [{"name": ..., "type": ..., "metrics": {...},
 *               "classifier": {"rows", "classes", "top1_agreement", "top5_agreement",
 *                              "float_accuracy", "quantized_accuracy"}}],
 *  "layers": [{"index", "name", "float_op", "quantized_op", "type", "metrics": {...}}],   (graph order)
 *  "worst_layers": [names, lowest cosine first],
 *  "notes": [...]}
 * </pre>
 *
 * A metrics object holds {@code samples, elements, mae, mse, psnr_db, cosine, min_cosine, max_abs_error, peak};
 * an infinite PSNR (no error) is the string {@code "Infinity"} ({@code "-Infinity"} for an error against an
 * all-zero reference), as JSON has no number for it. The accuracies are present only with labels.
 */
final class JsonReport {
    private JsonReport() {}

    /** Writes {@code r} to {@code out} as UTF-8 JSON, indented. */
    static void write(EvalReport r, OutputStream out) throws IOException {
        try (JsonGenerator g = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("tool", "dal-eval");
            g.writeStringField("version", Version.VERSION);
            g.writeStringField("float_model", r.floatModel());
            g.writeStringField("quantized_model", r.quantizedModel());
            g.writeNumberField("samples", r.samples());
            g.writeArrayFieldStart("outputs");
            for (EvalReport.OutputResult o : r.outputs()) {
                g.writeStartObject();
                g.writeStringField("name", o.name());
                g.writeStringField("type", o.type());
                metrics(g, o.metrics());
                if (o.classifier().isPresent()) classifier(g, o.classifier().get());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("layers");
            for (EvalReport.LayerResult l : r.layers()) {
                g.writeStartObject();
                g.writeNumberField("index", l.index());
                g.writeStringField("name", l.name());
                g.writeStringField("float_op", l.floatOp());
                g.writeStringField("quantized_op", l.quantizedOp());
                g.writeStringField("type", l.type());
                metrics(g, l.metrics());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("worst_layers");
            for (EvalReport.LayerResult l : r.worstLayersFirst()) g.writeString(l.name());
            g.writeEndArray();
            g.writeArrayFieldStart("notes");
            for (String n : r.notes()) g.writeString(n);
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    private static void metrics(JsonGenerator g, ErrorStats.Summary m) throws IOException {
        g.writeObjectFieldStart("metrics");
        g.writeNumberField("samples", m.samples());
        g.writeNumberField("elements", m.elements());
        number(g, "mae", m.mae());
        number(g, "mse", m.mse());
        number(g, "psnr_db", m.psnr());
        number(g, "cosine", m.cosine());
        number(g, "min_cosine", m.minCosine());
        number(g, "max_abs_error", m.maxAbsError());
        number(g, "peak", m.peak());
        g.writeEndObject();
    }

    private static void classifier(JsonGenerator g, EvalReport.ClassifierResult c) throws IOException {
        g.writeObjectFieldStart("classifier");
        g.writeNumberField("rows", c.rows());
        g.writeNumberField("classes", c.classes());
        number(g, "top1_agreement", c.top1Agreement());
        number(g, "top5_agreement", c.top5Agreement());
        optional(g, "float_accuracy", c.floatAccuracy());
        optional(g, "quantized_accuracy", c.quantizedAccuracy());
        g.writeEndObject();
    }

    private static void optional(JsonGenerator g, String name, OptionalDouble v) throws IOException {
        if (v.isPresent()) number(g, name, v.getAsDouble());
    }

    private static void number(JsonGenerator g, String name, double v) throws IOException {
        if (Double.isFinite(v)) g.writeNumberField(name, v);
        else g.writeStringField(name, Double.isNaN(v) ? "NaN" : v > 0 ? "Infinity" : "-Infinity");
    }
}
