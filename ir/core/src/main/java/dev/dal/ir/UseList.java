package dev.dal.ir;

import java.util.ArrayList;
import java.util.List;

/** The use list shared by both kinds of value: an intrusive doubly linked list of operands. */
abstract class UseList {
    OpOperand firstUse;
    int useCount;

    final void addUse(OpOperand u) {
        u.prevUse = null;
        u.nextUse = firstUse;
        if (firstUse != null) firstUse.prevUse = u;
        firstUse = u;
        useCount++;
    }

    final void removeUse(OpOperand u) {
        if (u.prevUse != null) u.prevUse.nextUse = u.nextUse;
        else firstUse = u.nextUse;
        if (u.nextUse != null) u.nextUse.prevUse = u.prevUse;
        u.prevUse = u.nextUse = null;
        useCount--;
    }

    public final List<OpOperand> uses() {
        List<OpOperand> out = new ArrayList<>(useCount);
        for (OpOperand u = firstUse; u != null; u = u.nextUse) out.add(u);
        return out;
    }

    public final boolean hasOneUse() {
        return useCount == 1;
    }

    public final boolean hasNoUses() {
        return useCount == 0;
    }

    public final int useCount() {
        return useCount;
    }

    public final void replaceAllUsesWith(Value replacement) {
        if (replacement == this) return;
        while (firstUse != null) firstUse.set(replacement);
    }
}
