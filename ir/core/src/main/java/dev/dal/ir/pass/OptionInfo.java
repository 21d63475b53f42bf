package dev.dal.ir.pass;

/**
 * A pass option as shown by {@code --help}.
 *
 * @param name         the name in pipeline text
 * @param help         one-line description
 * @param type         the value's type as users write it ({@code int}, {@code boolean}, {@code string},
 *                     {@code list<int>}, or the enum's values joined by {@code |})
 * @param defaultValue the default, printed as pipeline text would write it
 */
public record OptionInfo(String name, String help, String type, String defaultValue) {}
