package dev.dal.ir.pass;

import java.util.List;
import java.util.Optional;

/**
 * A registered pass as {@code --help} lists it.
 *
 * @param argument    the flag name
 * @param name        the display name used in reports
 * @param description one-line description
 * @param anchor      the op name it runs on, or empty for any op
 * @param options     its options with defaults
 * @param aliases     other flag names of the pass
 */
public record PassInfo(
        String argument,
        String name,
        String description,
        Optional<String> anchor,
        List<OptionInfo> options,
        List<String> aliases) {
    public PassInfo {
        options = List.copyOf(options);
        aliases = List.copyOf(aliases);
    }

    /** A pass without aliases. */
    public PassInfo(
            String argument, String name, String description, Optional<String> anchor, List<OptionInfo> options) {
        this(argument, name, description, anchor, options, List.of());
    }
}
