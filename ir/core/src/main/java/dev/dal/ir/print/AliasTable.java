package dev.dal.ir.print;

import dev.dal.ir.ArrayAttr;
import dev.dal.ir.Attribute;
import dev.dal.ir.Block;
import dev.dal.ir.BlockArgument;
import dev.dal.ir.ComplexType;
import dev.dal.ir.DictionaryAttr;
import dev.dal.ir.FunctionType;
import dev.dal.ir.Location;
import dev.dal.ir.LocationAttr;
import dev.dal.ir.MemRefType;
import dev.dal.ir.NamedAttribute;
import dev.dal.ir.OpaqueAttr;
import dev.dal.ir.Operation;
import dev.dal.ir.Region;
import dev.dal.ir.ShapedType;
import dev.dal.ir.TensorType;
import dev.dal.ir.TupleType;
import dev.dal.ir.Type;
import dev.dal.ir.TypeAttr;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The aliases MLIR's printer introduces on its own ({@code #map = affine_map<...>}, {@code #set = affine_set<...>},
 * {@code #loc = loc(...)} for locations used as attribute values), numbered per prefix in order of first use
 * (nested locations before the location that holds them) and listed sorted by nesting depth, then prefix.
 */
final class AliasTable {
    /** One alias: the name and how deeply it nests other aliases. */
    record Alias(String prefix, int number, int depth, Object key, int order) {
        String name() {
            return number == 0 ? prefix : prefix + number;
        }
    }

    private final Map<Object, Alias> aliases = new HashMap<>();
    private final Map<String, Integer> counters = new HashMap<>();
    private final Map<Type, Boolean> seenTypes = new IdentityHashMap<>();
    private int order;

    /** Collects the aliases of everything printed under {@code top}. */
    void collect(Operation top) {
        walkOp(top);
    }

    private void walkOp(Operation op) {
        for (NamedAttribute na : op.attributes()) walkAttr(na.value());
        for (int i = 0, n = op.numResults(); i < n; i++) walkType(op.result(i).type());
        for (Region r : op.regions())
            for (Block b : r.blocks()) {
                for (BlockArgument a : b.arguments()) walkType(a.type());
                for (Operation inner : b.ops()) walkOp(inner);
            }
    }

    /** {@return the alias of an attribute or location, if it has one} */
    Alias get(Object key) {
        return aliases.isEmpty() ? null : aliases.get(key);
    }

    /** {@return the aliases in the order they are defined at the top of the file} */
    List<Alias> ordered() {
        List<Alias> list = new ArrayList<>(aliases.values());
        list.sort(Comparator.comparingInt(Alias::depth)
                .thenComparing(Alias::prefix)
                .thenComparingInt(Alias::order));
        return list;
    }

    private int define(Object key, String prefix, int depth) {
        Alias a = aliases.get(key);
        if (a != null) return a.depth;
        int n = counters.merge(prefix, 1, Integer::sum) - 1;
        aliases.put(key, new Alias(prefix, n, depth, key, order++));
        return depth;
    }

    /** Walks an attribute; {@return the alias depth it contributes (0 if none, else 1 + the depth of its alias)} */
    private int walkAttr(Attribute a) {
        switch (a) {
            case OpaqueAttr o
            when o.dialect().isEmpty() && o.body().startsWith("affine_map<") -> {
                return 1 + define(o, "map", 0);
            }
            case OpaqueAttr o
            when o.dialect().isEmpty() && o.body().startsWith("affine_set<") -> {
                return 1 + define(o, "set", 0);
            }
            case OpaqueAttr o -> {
                o.attrType().ifPresent(this::walkType);
                return 0;
            }
            case LocationAttr l -> {
                return 1 + walkLoc(l.location());
            }
            case ArrayAttr arr -> {
                int d = 0;
                for (Attribute e : arr.elements()) d = Math.max(d, walkAttr(e));
                return d;
            }
            case DictionaryAttr dict -> {
                int d = 0;
                for (NamedAttribute e : dict.entries()) d = Math.max(d, walkAttr(e.value()));
                return d;
            }
            case TypeAttr t -> {
                walkType(t.value());
                return 0;
            }
            default -> {
                a.type().ifPresent(this::walkType);
                return 0;
            }
        }
    }

    /** Defines aliases for a location and the locations it nests; {@return the location's alias depth} */
    private int walkLoc(Location loc) {
        Alias known = aliases.get(loc);
        if (known != null) return known.depth;
        int depth = switch (loc) {
            case Location.Name n -> n.child().map(c -> 1 + walkLoc(c)).orElse(0);
            case Location.Fused f -> {
                int d = f.metadata().map(this::walkAttr).orElse(0);
                for (Location l : f.locations()) d = Math.max(d, 1 + walkLoc(l));
                yield d;
            }
            case Location.CallSite c -> Math.max(1 + walkLoc(c.callee()), 1 + walkLoc(c.caller()));
            case Location.Opaque o -> walkAttr(o.attribute());
            default -> 0;
        };
        return define(loc, "loc", depth);
    }

    private void walkType(Type t) {
        switch (t) {
            case dev.dal.ir.IntegerType i -> {}
            case dev.dal.ir.FloatType f -> {}
            case dev.dal.ir.IndexType i -> {}
            default -> {
                if (seenTypes.put(t, Boolean.TRUE) != null) return;
                switch (t) {
                    case TensorType tt -> {
                        walkType(tt.elementType());
                        tt.encoding().ifPresent(this::walkAttr);
                    }
                    case MemRefType m -> {
                        walkType(m.elementType());
                        m.layout().ifPresent(this::walkAttr);
                        m.memorySpace().ifPresent(this::walkAttr);
                    }
                    case ShapedType s -> walkType(s.elementType());
                    case ComplexType c -> walkType(c.elementType());
                    case TupleType tu -> tu.types().forEach(this::walkType);
                    case FunctionType f -> {
                        f.inputs().forEach(this::walkType);
                        f.results().forEach(this::walkType);
                    }
                    default -> {}
                }
            }
        }
    }
}
