package dev.dal.ir;

import java.util.Objects;

/** A location used as an attribute value (for example the metadata of a fused location). */
public record LocationAttr(Location location) implements Attribute {
    public LocationAttr {
        Objects.requireNonNull(location);
    }
}
