package dev.dal.ir.pass;

import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Reads and writes the values of {@link Option} fields as pipeline text. */
final class OptionValues {
    private OptionValues() {}

    /** {@return the type name shown to users} */
    static String typeName(Field f) {
        Class<?> c = f.getType();
        if (c == List.class) return "list<" + elementTypeName(elementType(f)) + ">";
        return elementTypeName(c);
    }

    private static String elementTypeName(Class<?> c) {
        if (c == int.class || c == Integer.class || c == long.class || c == Long.class) return "int";
        if (c == double.class || c == Double.class) return "number";
        if (c == boolean.class || c == Boolean.class) return "boolean";
        if (c == String.class) return "string";
        if (c.isEnum()) {
            List<String> names = new ArrayList<>();
            for (Object e : c.getEnumConstants()) names.add(enumText((Enum<?>) e));
            return String.join("|", names);
        }
        throw new IllegalStateException("unsupported option type " + c.getName());
    }

    static Class<?> elementType(Field f) {
        Type g = f.getGenericType();
        if (g instanceof ParameterizedType p && p.getActualTypeArguments()[0] instanceof Class<?> c) return c;
        throw new IllegalStateException("option field " + f + " must be a List of a supported type");
    }

    /** Parses {@code text} for field {@code f}. @return the value, or an error message */
    static Object parse(Field f, String text) throws IllegalArgumentException {
        Class<?> c = f.getType();
        if (c != List.class) return parseOne(c, text.trim());
        List<Object> out = new ArrayList<>();
        if (text.isBlank()) return out;
        Class<?> elem = elementType(f);
        for (String part : text.split(",", -1)) out.add(parseOne(elem, part.trim()));
        return out;
    }

    private static Object parseOne(Class<?> c, String s) {
        try {
            if (c == int.class || c == Integer.class) return Integer.parseInt(s);
            if (c == long.class || c == Long.class) return Long.parseLong(s);
            if (c == double.class || c == Double.class) return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected " + elementTypeName(c) + ", got '" + s + "'");
        }
        if (c == boolean.class || c == Boolean.class) {
            switch (s.toLowerCase(Locale.ROOT)) {
                case "true", "1", "" -> {
                    return true;
                }
                case "false", "0" -> {
                    return false;
                }
                default -> throw new IllegalArgumentException("expected true or false, got '" + s + "'");
            }
        }
        if (c == String.class) return s;
        if (c.isEnum()) {
            for (Object e : c.getEnumConstants())
                if (enumText((Enum<?>) e).equals(s.toLowerCase(Locale.ROOT).replace('_', '-'))) return e;
            throw new IllegalArgumentException("expected one of " + elementTypeName(c) + ", got '" + s + "'");
        }
        throw new IllegalStateException("unsupported option type " + c.getName());
    }

    /** {@return a value written as pipeline text} */
    static String format(Object v) {
        return switch (v) {
            case null -> "";
            case List<?> l -> {
                List<String> parts = new ArrayList<>();
                for (Object o : l) parts.add(format(o));
                yield String.join(",", parts);
            }
            case Enum<?> e -> enumText(e);
            case String s ->
                s.isEmpty() || s.chars().anyMatch(ch -> " {}(),=\"'".indexOf(ch) >= 0) ? "\"" + s + "\"" : s;
            default -> String.valueOf(v);
        };
    }

    static String enumText(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static Optional<String> validate(Field f) {
        try {
            typeName(f);
            return Optional.empty();
        } catch (IllegalStateException e) {
            return Optional.of(e.getMessage());
        }
    }
}
