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
 */
public record PassInfo(
        String argument, String name, String description, Optional<String> anchor, List<OptionInfo> options) {
    public PassInfo {
        options = List.copyOf(options);
    }
}
