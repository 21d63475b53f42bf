package dev.dal.ir;

/** {@code unit}: an attribute whose presence is its meaning ({@code {inplace}} in a dictionary). */
public record UnitAttr() implements Attribute {
    public static final UnitAttr INSTANCE = new UnitAttr();
}
