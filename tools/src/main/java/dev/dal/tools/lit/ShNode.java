package dev.dal.tools.lit;

import java.util.List;

/** A parsed RUN command of lit's internal shell. */
public sealed interface ShNode {
    /**
     * A word of a command line.
     *
     * @param text the word with quotes and escapes removed
     * @param globbable whether it holds an unquoted {@code *}, {@code ?} or {@code [} and so is expanded as a glob
     */
    record Word(String text, boolean globbable) {}

    /**
     * A redirection.
     *
     * @param op one of {@code >}, {@code >>}, {@code <}, {@code >&}, {@code &>}
     * @param fd the redirected descriptor (0, 1 or 2)
     * @param target a file name, or a descriptor number for {@code >&}
     */
    record Redirect(String op, int fd, Word target) {}

    /**
     * One simple command.
     *
     * @param args the command word and its arguments
     * @param redirects redirections in the order written
     */
    record Command(List<Word> args, List<Redirect> redirects) {
        /** Copies. */
        public Command {
            args = List.copyOf(args);
            redirects = List.copyOf(redirects);
        }
    }

    /**
     * Commands joined by {@code |}.
     *
     * @param commands the stages, first to last
     */
    record Pipeline(List<Command> commands) implements ShNode {
        /** Copies. */
        public Pipeline {
            commands = List.copyOf(commands);
        }
    }

    /**
     * Two commands joined by {@code &&}, {@code ||} or {@code ;} (all left-associative, same precedence, as in sh).
     *
     * @param lhs runs first
     * @param op the connective
     * @param rhs runs depending on {@code op} and the exit status of {@code lhs}
     */
    record Seq(ShNode lhs, String op, ShNode rhs) implements ShNode {}
}
