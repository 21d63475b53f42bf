package dev.dal.ir;

/**
 * Where an IR entity came from: an ONNX node name, a file position, or a fusion of several. Every diagnostic and
 * every report row names one.
 */
public sealed interface Location
        permits Location.Unknown,
                Location.Name,
                Location.FileLineCol,
                Location.Fused,
                Location.CallSite,
                Location.Opaque {

    /** {@code loc(unknown)}. */
    record Unknown() implements Location {
        public static final Unknown INSTANCE = new Unknown();
    }

    /** {@code loc("conv1")} or {@code loc("conv1"("model.onnx":3:1))}. */
    record Name(String name, java.util.Optional<Location> child) implements Location {
        public Name {
            java.util.Objects.requireNonNull(name);
            java.util.Objects.requireNonNull(child);
        }
    }

    /** {@code loc("model.ir":12:3)}. */
    record FileLineCol(String file, int line, int column) implements Location {
        public FileLineCol {
            java.util.Objects.requireNonNull(file);
        }
    }

    /** {@code loc(fused["a", "b"])} or {@code loc(fused<#meta>["a"])}. */
    record Fused(java.util.List<Location> locations, java.util.Optional<Attribute> metadata) implements Location {
        public Fused {
            locations = java.util.List.copyOf(locations);
            java.util.Objects.requireNonNull(metadata);
        }
    }

    /** {@code loc(callsite("callee" at "caller"))}. */
    record CallSite(Location callee, Location caller) implements Location {
        public CallSite {
            java.util.Objects.requireNonNull(callee);
            java.util.Objects.requireNonNull(caller);
        }
    }

    /** A location of another dialect kept as text ({@code loc(#foo.loc<...>)}). */
    record Opaque(Attribute attribute) implements Location {
        public Opaque {
            java.util.Objects.requireNonNull(attribute);
        }
    }

    /** {@return {@code loc(unknown)}} */
    static Location unknown() {
        return Unknown.INSTANCE;
    }

    /** {@return a name location} */
    static Location name(String name) {
        return new Name(name, java.util.Optional.empty());
    }

    /** {@return a file location} */
    static Location file(String file, int line, int column) {
        return new FileLineCol(file, line, column);
    }

    /** {@return the fusion of several locations, flattened and without duplicates or unknowns} */
    static Location fuse(java.util.List<Location> locs) {
        var flat = new java.util.LinkedHashSet<Location>();
        for (Location l : locs) {
            if (l instanceof Fused f && f.metadata().isEmpty()) flat.addAll(f.locations());
            else if (!(l instanceof Unknown)) flat.add(l);
        }
        if (flat.isEmpty()) return unknown();
        if (flat.size() == 1) return flat.iterator().next();
        return new Fused(java.util.List.copyOf(flat), java.util.Optional.empty());
    }

    /** {@return the first file position this location holds, if any} */
    default java.util.Optional<FileLineCol> filePosition() {
        return switch (this) {
            case FileLineCol f -> java.util.Optional.of(f);
            case Name n -> n.child().flatMap(Location::filePosition);
            case Fused f ->
                f.locations().stream()
                        .map(Location::filePosition)
                        .flatMap(java.util.Optional::stream)
                        .findFirst();
            case CallSite c -> c.callee().filePosition().or(() -> c.caller().filePosition());
            default -> java.util.Optional.empty();
        };
    }
}
