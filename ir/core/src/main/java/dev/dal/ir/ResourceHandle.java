package dev.dal.ir;

import java.util.Objects;
import java.util.Optional;

/**
 * A named blob of the builtin dialect's resource section. The blob is absent when a file refers to a key its
 * resource section does not define (MLIR accepts that too).
 */
public record ResourceHandle(String key, Optional<Blob> blob) {
    public ResourceHandle {
        Objects.requireNonNull(key);
        Objects.requireNonNull(blob);
    }

    /** {@return a handle for a blob} */
    public static ResourceHandle of(String key, Blob blob) {
        return new ResourceHandle(key, Optional.of(blob));
    }
}
