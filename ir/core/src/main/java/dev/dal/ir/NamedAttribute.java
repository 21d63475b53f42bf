package dev.dal.ir;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A name and an attribute: one entry of an attribute dictionary. */
public record NamedAttribute(String name, Attribute value) {
    public NamedAttribute {
        Objects.requireNonNull(name);
        Objects.requireNonNull(value);
    }

    /** {@return the entries sorted by name} @throws IllegalArgumentException on a duplicate name */
    static List<NamedAttribute> sortedUnique(List<NamedAttribute> entries) {
        List<NamedAttribute> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparing(NamedAttribute::name));
        for (int i = 1; i < sorted.size(); i++)
            if (sorted.get(i).name().equals(sorted.get(i - 1).name()))
                throw new IllegalArgumentException(
                        "duplicate attribute name '" + sorted.get(i).name() + "'");
        return List.copyOf(sorted);
    }

    /** {@return the value of the entry called {@code name} in a sorted list} */
    static Optional<Attribute> find(List<NamedAttribute> sorted, String name) {
        int lo = 0, hi = sorted.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = sorted.get(mid).name().compareTo(name);
            if (c == 0) return Optional.of(sorted.get(mid).value());
            if (c < 0) lo = mid + 1;
            else hi = mid - 1;
        }
        return Optional.empty();
    }
}
