package dev.dal.tools.eval;

import dev.dal.ir.ShapedType;
import dev.dal.ir.interp.DType;
import dev.dal.ir.interp.Npy;
import dev.dal.ir.interp.Tensor;
import dev.dal.ir.print.IrPrinter;
import dev.dal.lowering.eval.EvalException;
import dev.dal.lowering.eval.Evaluator;
import dev.dal.lowering.eval.SampleSource;
import dev.dal.onnx.OnnxException;
import dev.dal.onnx.TensorProtos;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The evaluation samples in a file or folder of NumPy {@code .npy} and ONNX {@code TensorProto} {@code .pb} tensors,
 * fitted to the model inputs:
 *
 * <ul>
 *   <li>a tensor of exactly an input's shape is one sample; a tensor with one more leading axis holds one sample per
 *       index of that axis ({@code [270,1,16,16]} for an input {@code [1,1,16,16]} is 270 samples too, the batch of
 *       one being the stacking axis); a dynamic first dimension takes the whole tensor as one batch
 *   <li>for a model with one input, every tensor file of the folder holds samples, in file-name order (unless a
 *       file is named after the input, as below: then only that one)
 *   <li>for several inputs, each input's file is named after it ({@code <name>.npy}) or its position
 *       ({@code input_<i>.pb}), all holding the same number of samples
 *   <li>a folder of sub-folders (as ONNX's {@code test_data_set_<n>}) has one sample per sub-folder, its files named
 *       as above ({@code .npy} preferred when both forms are there)
 * </ul>
 *
 * Element types must be the input's; a mismatch is an error naming the file and the input. Stacked files are read
 * once; single-sample files are read when their sample runs.
 */
final class EvalData implements SampleSource {
    /** Where sample {@code i}'s tensor for one input comes from: a whole file, or one index of a stacked file. */
    private record Slice(Path file, int index, StackedTensor stacked) {}

    /** A tensor holding several samples along its first axis, as bytes to slice. */
    private record StackedTensor(DType dtype, ByteBuffer bytes, int[] sampleShape) {
        Tensor sample(int i) {
            int bytesPer = Math.multiplyExact(dtype.byteSize(), product(sampleShape));
            return Tensor.wrap(dtype, bytes.slice(i * bytesPer, bytesPer), sampleShape);
        }
    }

    private final List<Evaluator.Input> inputs;
    /** Per sample, per input (in input order). */
    private final List<Slice[]> samples = new ArrayList<>();
    /** Whether the sample limit left samples out. */
    private boolean bounded;

    private EvalData(List<Evaluator.Input> inputs) {
        this.inputs = inputs;
    }

    /**
     * {@return the samples under {@code data} (a folder, or one tensor file), at most {@code limit} of them}
     *
     * @param ignore a file not to read as data (the labels, when they sit in the data folder)
     * @throws EvalException for a missing or empty folder, an unreadable file, or a tensor that fits no input
     */
    static EvalData open(Path data, List<Evaluator.Input> inputs, Optional<Path> ignore, int limit)
            throws EvalException {
        EvalData d = new EvalData(inputs);
        if (!Files.exists(data)) throw new EvalException("data folder '" + data + "' does not exist");
        if (Files.isRegularFile(data)) d.addFiles(List.of(data), data.toString(), limit);
        else {
            List<Path> entries = list(data);
            List<Path> files = entries.stream()
                    .filter(p -> isTensorFile(p) && !isSame(p, ignore))
                    .toList();
            List<Path> dirs = entries.stream().filter(Files::isDirectory).toList();
            if (!files.isEmpty()) d.addFiles(files, data.toString(), limit);
            else
                for (Path dir : dirs) {
                    if (d.samples.size() >= limit) {
                        d.bounded = true;
                        break;
                    }
                    d.addSampleFolder(dir);
                }
        }
        if (d.samples.isEmpty())
            throw new EvalException(
                    "data folder '" + data + "' holds no .npy or .pb tensors (nor sub-folders of" + " them)");
        return d;
    }

    @Override
    public int size() {
        return samples.size();
    }

    @Override
    public boolean bounded() {
        return bounded;
    }

    @Override
    public String describe(int i) {
        Slice s = samples.get(i)[0];
        return s.stacked() == null ? s.file().toString() : s.file() + "[" + s.index() + "]";
    }

    @Override
    public Map<String, Tensor> inputs(int i) throws EvalException {
        Map<String, Tensor> m = new LinkedHashMap<>();
        Slice[] row = samples.get(i);
        for (int k = 0; k < inputs.size(); k++) {
            Slice s = row[k];
            Tensor t;
            if (s.stacked() != null) t = s.stacked().sample(s.index());
            else {
                t = read(s.file());
                checkWhole(t, s.file(), inputs.get(k));
            }
            m.put(inputs.get(k).name(), t);
        }
        return m;
    }

    /** Flat files: each fills one input (by name or position), or, for one input, all of them hold its samples. */
    private void addFiles(List<Path> files, String where, int limit) throws EvalException {
        if (inputs.size() == 1) {
            Optional<Path> named = namedFile(files, 0);
            for (Path f : named.map(List::of).orElse(files)) {
                if (samples.size() >= limit) {
                    bounded = true;
                    return;
                }
                for (Slice s : slices(f, inputs.getFirst(), limit - samples.size())) samples.add(new Slice[] {s});
            }
            return;
        }
        List<List<Slice>> perInput = new ArrayList<>();
        for (Evaluator.Input in : inputs) {
            Path f = fileFor(files, inputs.indexOf(in), where);
            perInput.add(slices(f, in, limit));
        }
        int n = perInput.getFirst().size();
        for (int k = 1; k < perInput.size(); k++)
            if (perInput.get(k).size() != n)
                throw new EvalException("'" + perInput.get(k).getFirst().file() + "' holds "
                        + perInput.get(k).size() + " samples for input '"
                        + inputs.get(k).name() + "' but '"
                        + perInput.getFirst().getFirst().file() + "' holds " + n + " for input '"
                        + inputs.getFirst().name() + "'");
        for (int i = 0; i < n; i++) {
            Slice[] row = new Slice[inputs.size()];
            for (int k = 0; k < row.length; k++) row[k] = perInput.get(k).get(i);
            samples.add(row);
        }
    }

    /** One sample per sub-folder: a file per input, named after it or its position. */
    private void addSampleFolder(Path dir) throws EvalException {
        List<Path> files = list(dir).stream().filter(EvalData::isTensorFile).toList();
        if (files.isEmpty()) return;
        Slice[] row = new Slice[inputs.size()];
        for (int k = 0; k < row.length; k++) {
            Path f = inputs.size() == 1 && files.size() == 1 ? files.getFirst() : fileFor(files, k, dir.toString());
            Tensor t = read(f);
            checkWhole(t, f, inputs.get(k));
            row[k] = new Slice(f, 0, null);
        }
        samples.add(row);
    }

    /** {@return the file among {@code files} for input {@code k}: {@code <name>.npy}, or {@code input_<k>}} */
    private Path fileFor(List<Path> files, int k, String where) throws EvalException {
        Optional<Path> f = namedFile(files, k);
        if (f.isPresent()) return f.get();
        String name = inputs.get(k).name();
        throw new EvalException("'" + where + "' has no file for input '" + name + "' (expected " + name
                + ".npy, input_" + k + ".npy or the same as .pb)");
    }

    /**
     * {@return the file among {@code files} named after input {@code k} ({@code <name>} or {@code input_<k>}, with
     * {@code .npy} preferred to {@code .pb})}
     */
    private Optional<Path> namedFile(List<Path> files, int k) {
        for (String stem : List.of(inputs.get(k).name(), "input_" + k))
            for (String ext : List.of(".npy", ".pb"))
                for (Path f : files) if (f.getFileName().toString().equals(stem + ext)) return Optional.of(f);
        return Optional.empty();
    }

    /** {@return the samples {@code file} holds for {@code input}: itself, or each index of its first axis} */
    private List<Slice> slices(Path file, Evaluator.Input input, int limit) throws EvalException {
        Tensor t = read(file);
        checkDtype(t, file, input);
        if (t.dtype() == DType.STRING)
            throw new EvalException("'" + file + "' holds strings; dal-eval compares numeric inputs only");
        List<Long> dims = dims(input);
        if (fits(t.shape(), dims, 0)) return List.of(new Slice(file, 0, null));
        int[] sampleShape = null;
        if (t.rank() == dims.size() + 1 && fits(t.shape(), dims, 1))
            sampleShape = Arrays.copyOfRange(t.shape(), 1, t.rank());
        else if (t.rank() == dims.size() && t.rank() > 0 && dims.getFirst() == 1 && fits1(t.shape(), dims)) {
            sampleShape = t.shape().clone();
            sampleShape[0] = 1;
        }
        if (sampleShape == null)
            throw new EvalException("'" + file + "' holds a tensor of shape " + Tensor.shapeText(t.shape())
                    + " which does not fit input '" + input.name() + "' " + IrPrinter.typeText(input.type())
                    + " (one sample of that shape, or samples stacked along a new first axis)");
        int count = Math.min(t.dim(0), limit);
        bounded |= count < t.dim(0);
        StackedTensor st = new StackedTensor(t.dtype(), t.toBytes(), sampleShape);
        List<Slice> out = new ArrayList<>();
        for (int i = 0; i < count; i++) out.add(new Slice(file, i, st));
        return out;
    }

    private static void checkWhole(Tensor t, Path file, Evaluator.Input input) throws EvalException {
        checkDtype(t, file, input);
        if (!fits(t.shape(), dims(input), 0))
            throw new EvalException("'" + file + "' holds a tensor of shape " + Tensor.shapeText(t.shape())
                    + " which does not fit input '" + input.name() + "' " + IrPrinter.typeText(input.type()));
    }

    private static void checkDtype(Tensor t, Path file, Evaluator.Input input) throws EvalException {
        if (!(input.type() instanceof ShapedType st))
            throw new EvalException(
                    "input '" + input.name() + "' is not a tensor: " + IrPrinter.typeText(input.type()));
        Optional<DType> want = DType.fromIrType(st.elementType());
        if (want.isPresent() && want.get() != t.dtype())
            throw new EvalException("'" + file + "' holds " + t.dtype().name().toLowerCase(Locale.ROOT)
                    + " data but input '" + input.name() + "' takes " + IrPrinter.typeText(input.type()));
    }

    /** {@return the input's dimensions (empty for an unranked input: any shape fits)} */
    private static List<Long> dims(Evaluator.Input input) {
        return input.type() instanceof ShapedType st && st.hasRank() ? st.shape() : null;
    }

    /** {@return whether {@code shape} from axis {@code from} on fits {@code dims} (null: unranked, fits)} */
    private static boolean fits(int[] shape, List<Long> dims, int from) {
        if (dims == null) return from == 0;
        if (shape.length - from != dims.size()) return false;
        for (int i = 0; i < dims.size(); i++) {
            long d = dims.get(i);
            if (d != ShapedType.DYNAMIC && d != shape[from + i]) return false;
        }
        return true;
    }

    /** {@return whether all but the first axis of {@code shape} fit {@code dims}} */
    private static boolean fits1(int[] shape, List<Long> dims) {
        if (dims == null || shape.length != dims.size()) return false;
        for (int i = 1; i < dims.size(); i++) {
            long d = dims.get(i);
            if (d != ShapedType.DYNAMIC && d != shape[i]) return false;
        }
        return true;
    }

    private static Tensor read(Path file) throws EvalException {
        try {
            return file.getFileName().toString().endsWith(".pb") ? TensorProtos.read(file) : Npy.read(file);
        } catch (IOException | OnnxException e) {
            throw new EvalException("cannot read data file '" + file + "': " + e.getMessage());
        }
    }

    private static List<Path> list(Path dir) throws EvalException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString(), EvalData::naturalOrder))
                    .toList();
        } catch (IOException e) {
            throw new EvalException("cannot list data folder '" + dir + "': " + e.getMessage());
        }
    }

    private static boolean isTensorFile(Path p) {
        String n = p.getFileName().toString();
        return Files.isRegularFile(p) && (n.endsWith(".npy") || n.endsWith(".pb"));
    }

    private static boolean isSame(Path p, Optional<Path> other) {
        try {
            return other.isPresent() && Files.exists(other.get()) && Files.isSameFile(p, other.get());
        } catch (IOException e) {
            return false;
        }
    }

    /** File names in natural order: {@code s2} before {@code s10}. */
    static int naturalOrder(String a, String b) {
        int i = 0, j = 0;
        while (i < a.length() && j < b.length()) {
            char x = a.charAt(i), y = b.charAt(j);
            if (Character.isDigit(x) && Character.isDigit(y)) {
                int si = i, sj = j;
                while (i < a.length() && Character.isDigit(a.charAt(i))) i++;
                while (j < b.length() && Character.isDigit(b.charAt(j))) j++;
                int c = new java.math.BigInteger(a.substring(si, i))
                        .compareTo(new java.math.BigInteger(b.substring(sj, j)));
                if (c != 0) return c;
            } else {
                if (x != y) return Character.compare(x, y);
                i++;
                j++;
            }
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    private static int product(int[] shape) {
        int p = 1;
        for (int d : shape) p = Math.multiplyExact(p, d);
        return p;
    }
}
