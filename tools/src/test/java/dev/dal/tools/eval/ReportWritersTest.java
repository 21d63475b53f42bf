package dev.dal.tools.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dal.lowering.eval.ErrorStats;
import dev.dal.lowering.eval.EvalReport;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The JSON and HTML reports of a made-up evaluation: worst layers first, names with special characters intact. */
class ReportWritersTest {
    private static ErrorStats.Summary metrics(double cosine, double psnr) {
        return new ErrorStats.Summary(1, 4, 0.1, 0.01, psnr, cosine, cosine, 0.2, 1);
    }

    /** Layer 1 (a name needing escapes) is worse than layer 0, which comes first in graph order. */
    private static final EvalReport REPORT = new EvalReport(
            "f.ir",
            "q.ir",
            1,
            List.of(new EvalReport.OutputResult("y", "tensor<1x4xf32>", metrics(0.995, 30), Optional.empty())),
            List.of(
                    new EvalReport.LayerResult(
                            0, "good", "graph.conv", "graph.conv", "tensor<1x4xf32>", metrics(0.9999, 60)),
                    new EvalReport.LayerResult(
                            1, "bad\"<&>'", "graph.relu", "graph.relu", "tensor<1x4xf32>", metrics(0.98, 20)),
                    new EvalReport.LayerResult(
                            2,
                            "same",
                            "graph.add",
                            "graph.add",
                            "tensor<1x4xf32>",
                            metrics(1, Double.POSITIVE_INFINITY))),
            List.of("a note"));

    @Test
    void jsonListsLayersInGraphOrderAndWorstFirst() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JsonReport.write(REPORT, out);
        JsonNode r = new ObjectMapper().readTree(out.toByteArray());
        assertEquals("good", r.get("layers").get(0).get("name").asText());
        assertEquals("bad\"<&>'", r.get("layers").get(1).get("name").asText());
        assertEquals("bad\"<&>'", r.get("worst_layers").get(0).asText());
        assertEquals("good", r.get("worst_layers").get(1).asText());
        assertEquals("same", r.get("worst_layers").get(2).asText());
        assertEquals(
                "Infinity", r.get("layers").get(2).get("metrics").get("psnr_db").asText());
        assertEquals(20.0, r.get("layers").get(1).get("metrics").get("psnr_db").asDouble());
        assertEquals("a note", r.get("notes").get(0).asText());
    }

    @Test
    void htmlTableListsTheWorstLayerFirstAndEscapesNames() {
        String html = HtmlReport.render(REPORT);
        String table = html.substring(html.indexOf("Layers, worst first"));
        int bad = table.indexOf("bad&quot;&lt;&amp;&gt;&#39;"), good = table.indexOf(">good<");
        assertTrue(bad > 0 && good > bad, "worst first");
        assertFalse(html.contains("bad\"<"), "escaped");
        assertTrue(table.contains("class=\"bad\""), "a layer below 0.99 is marked");
        assertEquals(2, html.split("<svg", -1).length - 1, "a cosine and a psnr chart");
        assertTrue(html.contains("stroke-dasharray"), "the 0.99 target line");
        assertTrue(html.contains("∞"), "an infinite psnr");
    }
}
