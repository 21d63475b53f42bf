package dev.dal.tools.opt;

import dev.dal.tools.Tool;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.List;

/**
 * {@code dal-opt}: reads IR, runs a pass pipeline, writes IR — DAL's {@code mlir-opt}. The command line is
 * {@link OptCommand}; this class is the process entry and the in-process {@link Tool}.
 */
public final class DalOpt implements Tool {
    @Override
    public String name() {
        return "dal-opt";
    }

    @Override
    public int run(List<String> args, InputStream stdin, PrintStream stdout, PrintStream stderr) {
        return OptCommand.execute(args.toArray(String[]::new), stdin, stdout, stderr);
    }

    public static void main(String[] args) {
        System.exit(OptCommand.execute(args, System.in, System.out, System.err));
    }
}
