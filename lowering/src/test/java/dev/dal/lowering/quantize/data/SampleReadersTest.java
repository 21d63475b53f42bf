package dev.dal.lowering.quantize.data;

import static dev.dal.lowering.quantize.data.Fixtures.f32Input;
import static dev.dal.lowering.quantize.data.Fixtures.iota;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dal.ir.interp.Tensor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each tensor format's reader on small fixtures, and the errors for data that does not fit the model. */
class SampleReadersTest {
    @TempDir
    Path dir;

    private static final ModelInput IMAGE = f32Input("input", 1, 1, 2, 2);

    private static SampleSet open(Path p, ModelInput... inputs) throws DataException {
        return SampleReaders.open(p, List.of(inputs), ReadOptions.defaults());
    }

    private static float[] floats(Map<String, Tensor> sample, String input) {
        return sample.get(input).floats();
    }

    @Test
    void anNpyArrayWhoseFirstAxisIndexesSamplesGivesOneSamplePerRowWithTheBatchDimensionAdded() throws Exception {
        Path f = Fixtures.npy(dir.resolve("images.npy"), iota(0, 5, 1, 2, 2));
        SampleSet s = open(f, IMAGE);
        assertEquals(5, s.size());
        Tensor third = s.sample(3).get("input");
        assertArrayEquals(new int[] {1, 1, 2, 2}, third.shape());
        assertArrayEquals(new float[] {12, 13, 14, 15}, third.floats());
        assertTrue(s.source(3).endsWith("images.npy[3]"), s.source(3));
    }

    @Test
    void theSampleCountBoundsHowManySamplesAreTaken() throws Exception {
        Path f = Fixtures.npy(dir.resolve("images.npy"), iota(0, 5, 1, 2, 2));
        SampleSet s =
                SampleReaders.open(f, List.of(IMAGE), ReadOptions.defaults().withLimit(2));
        assertEquals(2, s.size());
    }

    @Test
    void aFolderOfNpyFilesGivesOneSamplePerFileInNameOrder() throws Exception {
        Fixtures.npy(dir.resolve("b.npy"), iota(10, 1, 1, 2, 2));
        Fixtures.npy(dir.resolve("a.npy"), iota(0, 1, 2, 2)); // without the batch dimension
        SampleSet s = open(dir, IMAGE);
        assertEquals(2, s.size());
        assertArrayEquals(new float[] {0, 1, 2, 3}, floats(s.sample(0), "input"));
        assertArrayEquals(new int[] {1, 1, 2, 2}, s.sample(0).get("input").shape());
        assertArrayEquals(new float[] {10, 11, 12, 13}, floats(s.sample(1), "input"));
    }

    @Test
    void anNpzArchiveFeedsInputsByKey() throws Exception {
        Map<String, Tensor> arrays = new LinkedHashMap<>();
        arrays.put("mask", iota(100, 3, 1, 1));
        arrays.put("x", iota(0, 3, 1, 2));
        Path f = Fixtures.npz(dir.resolve("data.npz"), arrays);
        SampleSet s = open(f, f32Input("x", 1, 2), f32Input("mask", 1, 1));
        assertEquals(3, s.size());
        Map<String, Tensor> last = s.sample(2);
        assertArrayEquals(new float[] {4, 5}, floats(last, "x"));
        assertArrayEquals(new float[] {102}, floats(last, "mask"));
    }

    @Test
    void aOneInputModelTakesTheOnlyArrayOfAnNpzWhateverItsKey() throws Exception {
        Path f = Fixtures.npz(dir.resolve("data.npz"), Map.of("arr_0", iota(0, 2, 1, 1, 2, 2)));
        SampleSet s = open(f, IMAGE);
        assertEquals(2, s.size());
        assertArrayEquals(new float[] {4, 5, 6, 7}, floats(s.sample(1), "input"));
    }

    @Test
    void aFolderOfNpzArchivesGivesOneSamplePerArchive() throws Exception {
        Fixtures.npz(dir.resolve("0.npz"), Map.of("x", iota(0, 1, 2), "mask", iota(7, 1, 1)));
        Fixtures.npz(dir.resolve("1.npz"), Map.of("x", iota(2, 1, 2), "mask", iota(8, 1, 1)));
        SampleSet s = open(dir, f32Input("x", 1, 2), f32Input("mask", 1, 1));
        assertEquals(2, s.size());
        assertArrayEquals(new float[] {2, 3}, floats(s.sample(1), "x"));
        assertArrayEquals(new float[] {8}, floats(s.sample(1), "mask"));
    }

    @Test
    void onnxTestDataSetsGiveOneSamplePerFolderAndIgnoreExpectedOutputs() throws Exception {
        for (int k = 0; k < 3; k++) {
            Path set = dir.resolve("test_data_set_" + k);
            Fixtures.pb(set.resolve("input_0.pb"), "input", iota(4 * k, 1, 1, 2, 2));
            Files.write(set.resolve("output_0.pb"), new byte[] {1, 2, 3}); // never read
        }
        SampleSet s = open(dir, IMAGE);
        assertEquals(3, s.size());
        assertArrayEquals(new float[] {8, 9, 10, 11}, floats(s.sample(2), "input"));
    }

    @Test
    void aPbFileOfManySamplesIsReadThroughTheOnnxFrontend() throws Exception {
        Path f = Fixtures.pb(dir.resolve("all.pb"), "input", iota(0, 2, 1, 2, 2));
        SampleSet s = open(f, f32Input("input", 1, 2, 2));
        assertEquals(2, s.size());
        assertArrayEquals(new float[] {4, 5, 6, 7}, floats(s.sample(1), "input"));
    }

    @Test
    void multiInputFoldersMatchFilesByInputName() throws Exception {
        Fixtures.npy(dir.resolve("s0/mask.npy"), iota(9, 1, 1));
        Fixtures.npy(dir.resolve("s0/x.npy"), iota(0, 1, 2));
        SampleSet s = open(dir, f32Input("x", 1, 2), f32Input("mask", 1, 1));
        assertEquals(1, s.size());
        assertArrayEquals(new float[] {9}, floats(s.sample(0), "mask"));
    }

    @Test
    void pluginReadersAreFoundThroughServiceLoaderAndTheirSamplesChecked() throws Exception {
        Path f = dir.resolve("rows.csv");
        Files.writeString(f, "1, 2\n3, 4\n5, 6, 7\n");
        assertEquals("csv", SampleReaders.available().getFirst().name());
        SampleSet s = open(f, f32Input("x", 1, 2));
        assertEquals(3, s.size());
        assertArrayEquals(new float[] {3, 4}, floats(s.sample(1), "x"));
        DataException e = assertThrows(DataException.class, () -> s.sample(2));
        assertTrue(e.getMessage().contains("rows.csv:3") && e.getMessage().contains("'x'"), e.getMessage());
    }

    // ---- errors -----------------------------------------------------------------------------------------------

    @Test
    void aWrongShapeNamesTheFileAndTheInput() throws Exception {
        Path f = Fixtures.npy(dir.resolve("bad.npy"), iota(0, 5, 3, 3));
        DataException e = assertThrows(DataException.class, () -> open(f, IMAGE));
        assertTrue(e.getMessage().contains("bad.npy") && e.getMessage().contains("input 'input'"), e.getMessage());
        assertTrue(e.getMessage().contains("[5, 3, 3]"), e.getMessage());
    }

    @Test
    void aWrongDtypeNamesTheFileTheDtypeAndTheInput() throws Exception {
        Path f = Fixtures.npy(dir.resolve("f64.npy"), Tensor.of(new double[] {1, 2, 3, 4}, 1, 1, 2, 2));
        DataException e = assertThrows(DataException.class, () -> open(f, IMAGE));
        assertTrue(
                e.getMessage().contains("f64.npy")
                        && e.getMessage().contains("f64")
                        && e.getMessage().contains("input 'input'"),
                e.getMessage());
    }

    @Test
    void aWrongShapeInOneFileOfAFolderNamesThatFileWhenTheFolderIsOpened() throws Exception {
        Fixtures.npy(dir.resolve("a.npy"), iota(0, 1, 1, 2, 2));
        Fixtures.npy(dir.resolve("b.npy"), iota(0, 1, 1, 3, 3));
        DataException e = assertThrows(DataException.class, () -> open(dir, IMAGE));
        assertTrue(e.getMessage().contains("b.npy") && e.getMessage().contains("'input'"), e.getMessage());
    }

    @Test
    void aFolderOfFilesMayHoldSeveralSamplesPerFileInNaturalNameOrderAndIsBounded() throws Exception {
        Fixtures.npy(dir.resolve("s10.npy"), iota(100, 1, 1, 2, 2));
        Fixtures.npy(dir.resolve("s2.npy"), iota(0, 3, 1, 2, 2)); // three samples stacked, batch of 1 as the axis
        SampleSet s = open(dir, IMAGE);
        assertEquals(4, s.size());
        assertTrue(s.source(2).endsWith("s2.npy[2]"), s.source(2));
        assertArrayEquals(new float[] {8, 9, 10, 11}, floats(s.sample(2), "input"));
        assertArrayEquals(new float[] {100, 101, 102, 103}, floats(s.sample(3), "input"));
        assertTrue(s.source(3).endsWith("s10.npy"), s.source(3));
        assertTrue(!s.bounded());
        SampleSet three =
                SampleReaders.open(dir, List.of(IMAGE), ReadOptions.defaults().withLimit(3));
        assertEquals(3, three.size());
        assertTrue(three.bounded());
    }

    @Test
    void aFileNamedAfterTheOnlyInputIsTheOnlyOneRead() throws Exception {
        Fixtures.npy(dir.resolve("input_0.npy"), iota(0, 2, 1, 2, 2));
        Files.write(dir.resolve("notes.npy"), new byte[] {1, 2, 3}); // never read
        SampleSet s = open(dir, IMAGE);
        assertEquals(2, s.size());
        assertArrayEquals(new float[] {4, 5, 6, 7}, floats(s.sample(1), "input"));
    }

    @Test
    void aFolderOfAFilePerInputMayHoldManySamplesOfEach() throws Exception {
        Fixtures.npy(dir.resolve("x.npy"), iota(0, 3, 1, 2));
        Fixtures.npy(dir.resolve("input_1.npy"), iota(10, 3, 1, 1));
        SampleSet s = open(dir, f32Input("x", 1, 2), f32Input("mask", 1, 1));
        assertEquals(3, s.size());
        assertArrayEquals(new float[] {4, 5}, floats(s.sample(2), "x"));
        assertArrayEquals(new float[] {12}, floats(s.sample(2), "mask"));
        Fixtures.npy(dir.resolve("input_1.npy"), iota(10, 2, 1, 1));
        DataException e =
                assertThrows(DataException.class, () -> open(dir, f32Input("x", 1, 2), f32Input("mask", 1, 1)));
        assertTrue(e.getMessage().contains("input_1.npy") && e.getMessage().contains("2 samples"), e.getMessage());
    }

    @Test
    void anEmptyFolderIsAnErrorNamingIt() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("nothing"));
        DataException e = assertThrows(DataException.class, () -> open(empty, IMAGE));
        assertTrue(e.getMessage().contains("nothing") && e.getMessage().contains("empty"), e.getMessage());
    }

    @Test
    void aSampleCountOfZeroIsAnErrorNamingTheData() throws Exception {
        Path f = Fixtures.npy(dir.resolve("images.npy"), iota(0, 5, 1, 2, 2));
        DataException e = assertThrows(
                DataException.class,
                () -> SampleReaders.open(
                        f, List.of(IMAGE), ReadOptions.defaults().withLimit(0)));
        assertTrue(e.getMessage().contains("images.npy") && e.getMessage().contains("sample count"), e.getMessage());
    }

    @Test
    void aMissingNpzKeyNamesTheArchiveTheInputAndTheKeys() throws Exception {
        Path f = Fixtures.npz(dir.resolve("data.npz"), Map.of("x", iota(0, 3, 1, 2), "y", iota(0, 3, 1, 2)));
        DataException e = assertThrows(DataException.class, () -> open(f, f32Input("x", 1, 2), f32Input("mask", 1, 1)));
        assertTrue(
                e.getMessage().contains("data.npz")
                        && e.getMessage().contains("'mask'")
                        && e.getMessage().contains("keys"),
                e.getMessage());
    }

    @Test
    void oneArrayForAModelOfTwoInputsIsAnError() throws Exception {
        Path f = Fixtures.npy(dir.resolve("x.npy"), iota(0, 3, 1, 2));
        DataException e = assertThrows(DataException.class, () -> open(f, f32Input("x", 1, 2), f32Input("m", 1)));
        assertTrue(e.getMessage().contains("x.npy") && e.getMessage().contains("2 inputs"), e.getMessage());
    }

    @Test
    void aMissingPathIsAnError() {
        DataException e = assertThrows(DataException.class, () -> open(dir.resolve("nope"), IMAGE));
        assertTrue(e.getMessage().contains("nope"), e.getMessage());
    }

    @Test
    void aFolderOfUnknownFilesIsAnErrorListingTheReaders() throws Exception {
        Files.writeString(dir.resolve("readme.txt"), "hi");
        DataException e = assertThrows(DataException.class, () -> open(dir, IMAGE));
        assertTrue(e.getMessage().contains("images") && e.getMessage().contains("npz"), e.getMessage());
    }
}
