package dev.dal.lowering.preprocess;

import dev.dal.ir.ArrayAttr;
import dev.dal.ir.BlockArgument;
import dev.dal.ir.DictionaryAttr;
import dev.dal.ir.FloatType;
import dev.dal.ir.Operation;
import dev.dal.ir.Region;
import dev.dal.ir.StringAttr;
import dev.dal.ir.TensorType;
import dev.dal.ir.builtin.CallOp;
import dev.dal.ir.builtin.FuncOp;
import dev.dal.ir.diag.Diagnostic;
import dev.dal.ir.pass.Option;
import dev.dal.ir.pass.Pass;
import dev.dal.ir.pass.PassContext;
import dev.dal.ir.pass.Statistic;
import dev.dal.ir.print.IrPrinter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code preprocess}: makes a model take raw camera images. The chosen input of the model (an NCHW f32 tensor, as
 * ONNX models take images) becomes the raw form ({@code tensor<1x224x224x3xui8>} for NHWC u8) and a pre-head computes
 * what the model took before: cast to f32, NHWC to NCHW, the colour conversion, then {@code (x - mean) / std} as one
 * {@code graph.mul} and one {@code graph.add} by per-channel constants.
 *
 * <p>When the normalised value's only user is a {@code graph.conv}, the pre-head is folded into the conv's weights
 * and bias instead ({@link ConvFold}), so it costs nothing at run time.
 *
 * <p>The options are the keys of the preprocessing section of {@code dal build}'s yaml: {@code input}, {@code mean},
 * {@code std}, {@code layout}, {@code color} and {@code input-type} ({@code dtype} is accepted as another spelling).
 * {@code mean} and {@code std} are given in the model's channel order (after the colour conversion), one value per
 * channel or one for all.
 */
public final class PreprocessPass extends Pass {
    /** How the raw image's dimensions are ordered. */
    public enum Layout {
        /** Batch, height, width, channels: what cameras and image libraries produce. */
        NHWC,
        /** Batch, channels, height, width: the model's own layout. */
        NCHW
    }

    /** The channel order of the raw image; the model is taken to expect RGB. */
    public enum Color {
        /** The model's order: no conversion. */
        RGB,
        /** Reversed channels (also right for a BGR-trained model fed RGB images: the reversal is its own inverse). */
        BGR,
        /** One channel, replicated to a three-channel model (R = G = B) or fed as is to a one-channel model. */
        GRAY
    }

    /** The element type of the raw image. */
    public enum InputType {
        /** Bytes, 0 to 255. */
        U8,
        /** Floats, taken as they are. */
        F32
    }

    @Option(name = "input", help = "Input to preprocess, by onnx.name or position (empty: the only 4-D float input)")
    String input = "";

    @Option(name = "mean", help = "Mean per model channel, or one for all (empty: 0)")
    List<Double> mean = new ArrayList<>();

    @Option(name = "std", help = "Standard deviation per model channel, or one for all (empty: 1)")
    List<Double> std = new ArrayList<>();

    @Option(name = "layout", help = "Layout of the raw input")
    Layout layout = Layout.NHWC;

    @Option(name = "color", help = "Channel order of the raw input; the model expects RGB")
    Color color = Color.RGB;

    @Option(name = "input-type", help = "Element type of the raw input")
    InputType inputType = InputType.U8;

    @Option(name = "dtype", help = "Same as input-type, u8 or f32 (empty: input-type)")
    String dtype = "";

    @Option(name = "fold", help = "Fold the pre-head into a graph.conv that is its only user")
    boolean fold = true;

    private final Statistic numInserted = statistic("num-inserted", "Number of pre-head ops inserted");
    private final Statistic numFolded = statistic("num-folded", "Number of pre-head ops folded into a convolution");

    @Override
    public String argument() {
        return "preprocess";
    }

    @Override
    public String description() {
        return "Make an input take raw camera images: insert (x - mean) / std, layout and colour conversion";
    }

    @Override
    public void runOnOperation(Operation op, PassContext ctx) {
        InputType type = inputType;
        if (!dtype.isEmpty()) {
            try {
                type = InputType.valueOf(dtype.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                fail(op, ctx, "option 'dtype' must be u8 or f32, got '" + dtype + "'");
                return;
            }
        }
        List<BlockArgument> chosen = new ArrayList<>(), byPosition = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (FuncOp f : functions(op))
            for (BlockArgument a : f.body().entry().arguments()) {
                String name = inputName(f, a.index());
                names.add(name);
                if (input.isEmpty() ? imageLike(a) : input.equals(name)) chosen.add(a);
                if (input.equals(Integer.toString(a.index()))) byPosition.add(a);
            }
        if (chosen.isEmpty()) chosen = byPosition;
        if (chosen.size() != 1) {
            fail(op, ctx, selectionError(chosen, names));
            return;
        }
        BlockArgument arg = chosen.getFirst();
        FuncOp func = (FuncOp) arg.owner().parentOp().orElseThrow();
        String name = inputName(func, arg.index());
        if (!(arg.type() instanceof TensorType t
                && t.shape().size() == 4
                && t.elementType().equals(FloatType.F32)
                && t.shape().get(1) != TensorType.DYNAMIC)) {
            fail(
                    func,
                    ctx,
                    "input '" + name + "' must be an NCHW f32 tensor with a known channel count, got "
                            + IrPrinter.typeText(arg.type()));
            return;
        }
        if (called(op, func)) {
            fail(
                    func,
                    ctx,
                    "function @" + func.symName().value() + " is called by other functions; preprocess the "
                            + "model's entry function");
            return;
        }
        int channels = Math.toIntExact(t.shape().get(1));
        switch (PreHead.of(name, channels, mean, std, color)) {
            case PreHead.Result.Invalid bad -> fail(func, ctx, bad.message());
            case PreHead.Result.Valid ok -> {
                PreHeadRewrite.Counts n =
                        new PreHeadRewrite(func, arg, ok.head(), layout, type == InputType.U8, fold).apply();
                numInserted.add(n.inserted());
                numFolded.add(n.folded());
            }
        }
    }

    private String selectionError(List<BlockArgument> chosen, List<String> names) {
        if (!input.isEmpty())
            return chosen.isEmpty()
                    ? "option 'input': there is no input named '" + input + "' (inputs: " + String.join(", ", names)
                            + ")"
                    : "option 'input': several functions have an input named '" + input + "'";
        return chosen.isEmpty()
                ? "no 4-D float input to preprocess (inputs: " + String.join(", ", names) + ")"
                : "several 4-D float inputs; choose one with option 'input' (inputs: " + String.join(", ", names) + ")";
    }

    private static List<FuncOp> functions(Operation op) {
        List<FuncOp> out = new ArrayList<>();
        if (op instanceof FuncOp f) {
            if (!f.isExternal()) out.add(f);
            return out;
        }
        for (Region r : op.regions())
            for (var b : r.blocks())
                for (Operation child : b.ops()) if (child instanceof FuncOp f && !f.isExternal()) out.add(f);
        return out;
    }

    /** {@return whether a {@code func.call} in {@code root} calls {@code func}, whose signature is to change} */
    private static boolean called(Operation root, FuncOp func) {
        boolean[] found = {false};
        root.walk(o -> {
            if (o instanceof CallOp call
                    && call.callee().root().equals(func.symName().value())) found[0] = true;
        });
        return found[0];
    }

    private static boolean imageLike(BlockArgument a) {
        return a.type() instanceof TensorType t && t.shape().size() == 4 && t.elementType() instanceof FloatType;
    }

    /** {@return the input's {@code onnx.name}, or its position as text} */
    static String inputName(FuncOp f, int index) {
        if (f.argAttrs().orElse(null) instanceof ArrayAttr dicts
                && index < dicts.elements().size()
                && dicts.elements().get(index) instanceof DictionaryAttr d
                && d.get("onnx.name").orElse(null) instanceof StringAttr s) return s.value();
        return Integer.toString(index);
    }

    private void fail(Operation at, PassContext ctx, String message) {
        ctx.diagnostics().report(Diagnostic.error(at.loc(), argument() + ": " + message));
        ctx.signalPassFailure();
    }
}
