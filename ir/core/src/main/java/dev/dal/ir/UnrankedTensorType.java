package dev.dal.ir;

import java.util.List;
import java.util.Objects;

/** {@code tensor<*xf32>}: a tensor of unknown rank. */
public record UnrankedTensorType(Type elementType) implements ShapedType {
    public UnrankedTensorType {
        Objects.requireNonNull(elementType);
    }

    @Override
    public List<Long> shape() {
        throw new IllegalStateException("unranked tensor has no shape");
    }

    @Override
    public boolean hasRank() {
        return false;
    }
}
