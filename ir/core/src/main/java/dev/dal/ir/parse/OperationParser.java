package dev.dal.ir.parse;

import static dev.dal.ir.parse.IrLexer.*;

import dev.dal.ir.Attribute;
import dev.dal.ir.Blob;
import dev.dal.ir.Block;
import dev.dal.ir.BlockArgument;
import dev.dal.ir.DialectRegistry;
import dev.dal.ir.DictionaryAttr;
import dev.dal.ir.FunctionType;
import dev.dal.ir.Location;
import dev.dal.ir.LocationAttr;
import dev.dal.ir.NamedAttribute;
import dev.dal.ir.OpAsmParser;
import dev.dal.ir.OpAssembly;
import dev.dal.ir.OpDefinition;
import dev.dal.ir.OpaqueAttr;
import dev.dal.ir.Operation;
import dev.dal.ir.OperationState;
import dev.dal.ir.Region;
import dev.dal.ir.Type;
import dev.dal.ir.Value;
import dev.dal.ir.diag.Diagnostic;
import dev.dal.ir.diag.DiagnosticEngine;
import dev.dal.ir.diag.SourceFile;
import dev.dal.ir.trait.IsolatedFromAbove;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.antlr.v4.runtime.Token;

/**
 * Recursive-descent reader of operations, regions and blocks over the {@code IrLexer} tokens, resolving SSA names
 * as it goes (forward references through placeholders), and the {@link OpAsmParser} that custom op forms read
 * through.
 */
final class OperationParser extends AttrTypeParser implements OpAsmParser {
    private final ParserConfig config;
    private final int skipMetadataAt;
    private final Deque<ValueScope> isolated = new ArrayDeque<>();
    private final Deque<RegionScope> regionScopes = new ArrayDeque<>();
    private final Deque<String> defaultDialects = new ArrayDeque<>();
    private final Deque<String> opNames = new ArrayDeque<>();

    /** Values visible in one isolated-from-above scope, and uses not yet defined. */
    private static final class ValueScope {
        final Map<String, Def> values = new HashMap<>();
        final Map<String, Map<Integer, Forward>> forwards = new HashMap<>();
    }

    private record Def(Value[] values, int offset) {}

    private record Forward(BlockArgument placeholder, int offset) {}

    /** One region being parsed: the names it defined (dropped at its end) and its block labels. */
    private static final class RegionScope {
        final Region region;
        final List<String> defined = new ArrayList<>();
        final Map<String, BlockRef> blocks = new HashMap<>();

        RegionScope(Region region) {
            this.region = region;
        }
    }

    private static final class BlockRef {
        final Block block = new Block();
        boolean defined;
        int firstUse;
    }

    OperationParser(
            SourceFile source,
            ParserConfig config,
            DiagnosticEngine diag,
            Map<String, Blob> blobs,
            int skipMetadataAt) {
        super(source, diag, blobs);
        this.config = config;
        this.skipMetadataAt = skipMetadataAt;
    }

    // ---- top level -------------------------------------------------------------------------------------------

    /** Parses the whole file into a block of top-level ops. */
    Block parseTopLevel() {
        Block top = new Block();
        isolated.push(new ValueScope());
        regionScopes.push(new RegionScope(new Region()));
        while (!at(Token.EOF)) {
            int k = tok.kind();
            if ((k == HASH_ID || k == BANG_ID) && tok.kind(1) == EQUAL) {
                parseAliasDefinition();
            } else if (k == FILE_METADATA_BEGIN) {
                if (tok.offset() == skipMetadataAt) tok.resetTo(text.length());
                else parseFileMetadata();
            } else if (k == CARET_ID) {
                throw errorHere("expected operation name in quotes");
            } else {
                top.append(parseOperation());
            }
        }
        finishScope(isolated.pop());
        regionScopes.pop();
        return top;
    }

    private void parseAliasDefinition() {
        Token t = tok.next();
        String id = tok.text(t).substring(1);
        tok.next();
        if (id.contains(".")) throw error(t.getStartIndex(), "expected identifier without '.' in alias definition");
        if (t.getType() == HASH_ID) {
            if (attrAliases.containsKey(id))
                throw error(t.getStartIndex(), "redefinition of attribute alias id '" + id + "'");
            Attribute a = readAttribute();
            attrAliases.put(id, a);
        } else {
            if (typeAliases.containsKey(id))
                throw error(t.getStartIndex(), "redefinition of type alias id '" + id + "'");
            typeAliases.put(id, readType());
        }
    }

    /** {@code {-# dialect_resources: { builtin: { key: "0x..." } }, external_resources: {...} #-}} */
    void parseFileMetadata() {
        expect(FILE_METADATA_BEGIN, "'{-#'");
        if (!at(FILE_METADATA_END)) {
            do {
                Token k = expect(BARE_ID, "identifier");
                expect(COLON, "':'");
                if (tok.textIs(k, "dialect_resources")) parseDialectResources();
                else skipBalanced();
            } while (consumeIf(COMMA));
        }
        expect(FILE_METADATA_END, "'#-}'");
    }

    private void parseDialectResources() {
        expect(LBRACE, "'{'");
        if (consumeIf(RBRACE)) return;
        do {
            Token dialect = expect(BARE_ID, "dialect name");
            expect(COLON, "':'");
            boolean builtin = tok.textIs(dialect, "builtin");
            expect(LBRACE, "'{'");
            if (!consumeIf(RBRACE)) {
                do {
                    Token k = tok.next();
                    if (k.getType() != BARE_ID && k.getType() != STRING)
                        throw error(k.getStartIndex(), "expected identifier key for 'resource' entry");
                    String key = k.getType() == STRING ? stringValue(k) : tok.text(k);
                    expect(COLON, "':'");
                    Token v = tok.peek();
                    if (builtin) {
                        if (!isHexString(tok, v)) throw errorHere("expected hex string blob for key '" + key + "'");
                        tok.next();
                        byte[] head = hexBytesPrefix(v);
                        int align = (head[0] & 0xFF)
                                | (head[1] & 0xFF) << 8
                                | (head[2] & 0xFF) << 16
                                | (head[3] & 0xFF) << 24;
                        if (align <= 0 || Integer.bitCount(align) != 1)
                            throw error(v.getStartIndex(), "expected hex string blob with a power-of-two alignment");
                        Blob blob = Blob.wrap(wrap(hexBytes(v, 4)), align);
                        if (resourceBlobs.putIfAbsent(key, blob) != null)
                            throw error(k.getStartIndex(), "duplicate resource key '" + key + "'");
                    } else {
                        skipValue();
                    }
                } while (consumeIf(COMMA));
                expect(RBRACE, "'}'");
            }
        } while (consumeIf(COMMA));
        expect(RBRACE, "'}'");
    }

    private byte[] hexBytesPrefix(Token v) {
        int from = v.getStartIndex() + 3;
        if (v.getStopIndex() - from < 8) throw error(v.getStartIndex(), "expected hex string blob with alignment");
        byte[] out = new byte[4];
        for (int i = 0; i < 4; i++) {
            int hi = Character.digit(text.charAt(from + 2 * i), 16),
                    lo = Character.digit(text.charAt(from + 2 * i + 1), 16);
            if (hi < 0 || lo < 0) throw error(v.getStartIndex(), "malformed hex string");
            out[i] = (byte) (hi * 16 + lo);
        }
        return out;
    }

    private void skipValue() {
        if (at(LBRACE)) skipBalanced();
        else tok.next();
    }

    private void skipBalanced() {
        expect(LBRACE, "'{'");
        int depth = 1;
        while (depth > 0) {
            int k = tok.next().getType();
            if (k == LBRACE) depth++;
            else if (k == RBRACE) depth--;
            else if (k == Token.EOF) throw errorHere("expected '}'");
        }
    }

    /** Resolves {@code loc(#alias)} uses of aliases defined after them; reports those never defined. */
    void resolveDeferredLocations(Operation root, Block top) {
        if (deferredLocs.isEmpty()) return;
        for (var e : deferredLocs.entrySet()) {
            Attribute a = attrAliases.get(e.getKey());
            if (a == null) throw error(e.getValue(), "undefined symbol alias id '" + e.getKey() + "'");
            if (!(a instanceof LocationAttr))
                throw error(e.getValue(), "expected location, but found '#" + e.getKey() + "'");
        }
        java.util.function.Consumer<Operation> fix = op -> {
            op.setLoc(resolve(op.loc()));
            for (Region r : op.regions())
                for (Block b : r.blocks()) for (BlockArgument arg : b.arguments()) arg.setLoc(resolve(arg.loc()));
        };
        if (root != null) root.walkPreOrder(fix);
        else for (Operation op : top.ops()) op.walkPreOrder(fix);
    }

    private Location resolve(Location l) {
        return switch (l) {
            case Location.Opaque o
            when o.attribute() instanceof OpaqueAttr a && a.dialect().equals(DEFERRED_LOC) ->
                resolve(((LocationAttr) attrAliases.get(a.body())).location());
            case Location.Name n ->
                n.child().isEmpty() ? n : new Location.Name(n.name(), n.child().map(this::resolve));
            case Location.Fused f ->
                new Location.Fused(f.locations().stream().map(this::resolve).toList(), f.metadata());
            case Location.CallSite c -> new Location.CallSite(resolve(c.callee()), resolve(c.caller()));
            default -> l;
        };
    }

    // ---- SSA values ------------------------------------------------------------------------------------------

    private Value resolveUse(String name, int index, Type type, int offset) {
        ValueScope scope = isolated.peek();
        Def d = scope.values.get(name);
        if (d != null) {
            if (index >= d.values.length) throw error(offset, "reference to invalid result number");
            Value v = d.values[index];
            if (v.type() != type && !v.type().equals(type))
                throw typeMismatch(name, index, type, v.type(), offset, d.offset);
            return v;
        }
        Map<Integer, Forward> fw = scope.forwards.computeIfAbsent(name, k -> new HashMap<>());
        Forward f = fw.get(index);
        if (f != null) {
            if (!f.placeholder.type().equals(type))
                throw typeMismatch(name, index, type, f.placeholder.type(), offset, f.offset);
            return f.placeholder;
        }
        BlockArgument ph = new Block().addArgument(type, locAt(offset));
        fw.put(index, new Forward(ph, offset));
        return ph;
    }

    private ParseAbort typeMismatch(String name, int index, Type now, Type before, int offset, int priorOffset) {
        String shown = index == 0 ? name : name + "#" + index;
        diag.report(Diagnostic.error(
                        locAt(offset),
                        "use of value '" + shown
                                + "' expects different type than prior uses: '" + Printing.type(now) + "' vs '"
                                + Printing.type(before) + "'")
                .withNote(locAt(priorOffset), "prior use here"));
        return new ParseAbort();
    }

    private void define(String name, Value[] values, int offset) {
        ValueScope scope = isolated.peek();
        Def prev = scope.values.get(name);
        if (prev != null) {
            diag.report(Diagnostic.error(locAt(offset), "redefinition of SSA value '" + name + "'")
                    .withNote(locAt(prev.offset), "previously defined here"));
            throw new ParseAbort();
        }
        Map<Integer, Forward> fw = scope.forwards.remove(name);
        if (fw != null) {
            for (var e : fw.entrySet()) {
                Forward f = e.getValue();
                if (e.getKey() >= values.length) throw error(f.offset, "reference to invalid result number");
                Value v = values[e.getKey()];
                if (!v.type().equals(f.placeholder.type())) {
                    diag.report(Diagnostic.error(
                                    locAt(offset),
                                    "definition of SSA value '" + name + "#" + e.getKey() + "' has type '"
                                            + Printing.type(v.type()) + "'")
                            .withNote(
                                    locAt(f.offset),
                                    "previously used here with type '" + Printing.type(f.placeholder.type()) + "'"));
                    throw new ParseAbort();
                }
                f.placeholder.replaceAllUsesWith(v);
            }
        }
        scope.values.put(name, new Def(values, offset));
        regionScopes.peek().defined.add(name);
    }

    private void finishScope(ValueScope scope) {
        Forward first = null;
        for (Map<Integer, Forward> m : scope.forwards.values())
            for (Forward f : m.values()) if (first == null || f.offset < first.offset) first = f;
        if (first != null) throw error(first.offset, "use of undeclared SSA value name");
    }

    /** {@code %name} or {@code %name#3} at the cursor. */
    private UnresolvedOperand readOperand() {
        PendingOperand p = readPendingOperand();
        return new UnresolvedOperand(p.name(), p.index(), locAt(p.offset()));
    }

    /** An operand of a generic op: its source offset rather than a location (located only if it is wrong). */
    private record PendingOperand(String name, int index, int offset) {}

    private PendingOperand readPendingOperand() {
        Token t = expect(PERCENT_ID, "SSA operand");
        String name = tok.text(t);
        int index = 0;
        if (at(HASH_ID) && tok.offset() == tok.lastEnd()) {
            Token h = tok.next();
            String digits = tok.text(h).substring(1);
            if (digits.isEmpty() || !digits.chars().allMatch(Character::isDigit) || digits.length() > 9)
                throw error(h.getStartIndex(), "invalid SSA value result number");
            index = Integer.parseInt(digits);
        }
        return new PendingOperand(name, index, t.getStartIndex());
    }

    private int offsetOf(Location l) {
        if (l instanceof Location.FileLineCol f) return source.offsetOf(f.line(), f.column());
        return tok.offset();
    }

    // ---- operations ------------------------------------------------------------------------------------------

    private record ResultGroup(String name, int count, int offset) {}

    Operation parseOperation() {
        int start = tok.offset();
        List<ResultGroup> groups = new ArrayList<>();
        int bound = 0;
        if (at(PERCENT_ID)) {
            do {
                Token t = expect(PERCENT_ID, "SSA value name");
                int count = 1;
                if (consumeIf(COLON)) {
                    Token n = expect(INTEGER, "integer number of results");
                    String s = tok.text(n);
                    if (s.startsWith("0x") || s.length() > 9 || Integer.parseInt(s) < 1)
                        throw error(n.getStartIndex(), "expected named operation to have at least 1 result");
                    count = Integer.parseInt(s);
                }
                groups.add(new ResultGroup(tok.text(t), count, t.getStartIndex()));
                bound += count;
            } while (consumeIf(COMMA));
            expect(EQUAL, "'=' after SSA name");
        }
        Operation op;
        if (at(STRING)) op = parseGenericOperation(start);
        else if (at(BARE_ID)) op = parseCustomOperation(start, bound);
        else throw errorHere("expected operation name in quotes");
        if (atLocation()) op.setLoc(parseLocationSpecifier());
        if (!groups.isEmpty()) {
            if (bound != op.numResults()) {
                throw error(
                        start,
                        "operation defines " + op.numResults() + " results but was provided " + bound + " to bind");
            }
            int at = 0;
            for (ResultGroup g : groups) {
                Value[] vs = new Value[g.count];
                for (int i = 0; i < g.count; i++) vs[i] = op.result(at++);
                define(g.name, vs, g.offset);
            }
        }
        return op;
    }

    private Operation parseGenericOperation(int start) {
        Token nameTok = tok.next();
        String name = stringValue(nameTok);
        if (name.isEmpty()) throw error(nameTok.getStartIndex(), "empty operation name is invalid");
        Optional<OpDefinition> def = OpDefinition.lookup(name);
        if (def.isEmpty()) {
            int dot = name.indexOf('.');
            String dialect = dot < 0 ? "" : name.substring(0, dot);
            if (DialectRegistry.global().dialect(dialect).isPresent())
                throw error(
                        nameTok.getStartIndex(),
                        "unregistered operation '" + name + "' found in dialect ('" + dialect
                                + "') that does not allow unknown operations");
            if (!config.allowUnregisteredDialects())
                throw error(
                        nameTok.getStartIndex(),
                        "operation being parsed with an unregistered dialect. If this is "
                                + "intended, please use -allow-unregistered-dialect with the MLIR tool used");
        }
        OperationState state = new OperationState(name, locAt(start));
        expect(LPAREN, "'(' to start operand list");
        List<PendingOperand> uses = new ArrayList<>();
        if (!consumeIf(RPAREN)) {
            do uses.add(readPendingOperand());
            while (consumeIf(COMMA));
            expect(RPAREN, "')' to end operand list");
        }
        if (consumeIf(LSQUARE)) {
            do state.addSuccessor(parseSuccessorRef());
            while (consumeIf(COMMA));
            expect(RSQUARE, "']' to end successor list");
        }
        opNames.push(name);
        try {
            if (at(LPAREN)) {
                tok.next();
                do parseRegionInto(state.addRegion(), List.of());
                while (consumeIf(COMMA));
                expect(RPAREN, "')' to end region list");
            }
        } finally {
            opNames.pop();
        }
        if (at(LBRACE)) state.attributes.addAll(parseAttrDict());
        expect(COLON, "':' followed by operation type");
        int typeAt = tok.offset();
        Type t = readType();
        if (!(t instanceof FunctionType ft)) throw error(typeAt, "expected function type");
        if (ft.inputs().size() != uses.size())
            throw error(
                    typeAt,
                    "expected " + uses.size() + " operand type" + (uses.size() == 1 ? "" : "s") + " but had "
                            + ft.inputs().size());
        for (int i = 0; i < uses.size(); i++) {
            PendingOperand u = uses.get(i);
            state.addOperand(resolveUse(u.name(), u.index(), ft.inputs().get(i), u.offset()));
        }
        state.addResultTypes(ft.results());
        return create(state, start);
    }

    private Value resolve(UnresolvedOperand u, Type t) {
        return resolveUse(u.name(), u.resultNumber(), t, offsetOf(u.loc()));
    }

    private Operation create(OperationState state, int start) {
        try {
            return Operation.create(state);
        } catch (RuntimeException e) {
            throw error(start, "'" + state.name + "' op cannot be created: " + e.getMessage());
        }
    }

    private Operation parseCustomOperation(int start, int bound) {
        Token nameTok = tok.next();
        String written = tok.text(nameTok);
        Optional<OpDefinition> def = Optional.empty();
        if (written.indexOf('.') < 0) {
            if (!defaultDialects.isEmpty() && !defaultDialects.peek().isEmpty())
                def = OpDefinition.lookup(defaultDialects.peek() + "." + written);
            if (def.isEmpty()) def = OpDefinition.lookup("builtin." + written);
        } else {
            def = OpDefinition.lookup(written);
        }
        if (def.isEmpty()) throw error(nameTok.getStartIndex(), "custom op '" + written + "' is unknown");
        OpDefinition d = def.get();
        OperationState state = new OperationState(d.name(), locAt(start));
        opNames.push(d.name());
        try {
            switch (d.assembly()) {
                case OpAssembly.Standard s -> parseStandardForm(state, bound);
                case OpAssembly.Custom c -> {
                    int errorsBefore = diag.errorCount();
                    boolean ok = c.parser().parse(this, state);
                    if (!ok) {
                        if (diag.errorCount() == errorsBefore) throw error(start, "failed to parse '" + d.name() + "'");
                        throw new ParseAbort();
                    }
                }
                case OpAssembly.GenericOnly g ->
                    throw error(nameTok.getStartIndex(), "custom op '" + written + "' has no custom assembly form");
            }
        } finally {
            opNames.pop();
        }
        return create(state, start);
    }

    /** DAL's one pretty shape: {@code %r = d.op %a, %b [^bb] {attrs} (regions) : (T, T) -> T} or {@code : T}. */
    private void parseStandardForm(OperationState state, int bound) {
        List<UnresolvedOperand> uses = new ArrayList<>();
        if (at(PERCENT_ID)) {
            do uses.add(readOperand());
            while (consumeIf(COMMA));
        }
        if (at(LSQUARE) && tok.kind(1) == CARET_ID) {
            tok.next();
            do state.addSuccessor(parseSuccessorRef());
            while (consumeIf(COMMA));
            expect(RSQUARE, "']' to end successor list");
        }
        if (at(LBRACE)) state.attributes.addAll(parseAttrDict());
        if (at(LPAREN) && tok.kind(1) == LBRACE) {
            tok.next();
            do parseRegionInto(state.addRegion(), List.of());
            while (consumeIf(COMMA));
            expect(RPAREN, "')' to end region list");
        }
        if (uses.isEmpty() && bound == 0 && !at(COLON)) return;
        expect(COLON, "':'");
        int typeAt = tok.offset();
        Type t = readType();
        if (t instanceof FunctionType ft) {
            if (ft.inputs().size() != uses.size())
                throw error(
                        typeAt,
                        "expected " + uses.size() + " operand types but had "
                                + ft.inputs().size());
            for (int i = 0; i < uses.size(); i++)
                state.addOperand(resolve(uses.get(i), ft.inputs().get(i)));
            state.addResultTypes(ft.results());
        } else {
            for (UnresolvedOperand u : uses) state.addOperand(resolve(u, t));
            for (int i = 0; i < bound; i++) state.addResultType(t);
        }
    }

    // ---- regions and blocks ----------------------------------------------------------------------------------

    private boolean currentOpIsolated() {
        String name = opNames.peek();
        if (name == null) return false;
        return OpDefinition.lookup(name)
                .map(d -> IsolatedFromAbove.class.isAssignableFrom(d.opClass()))
                .orElse(false);
    }

    private void parseRegionInto(Region region, List<Argument> entryArgs) {
        expect(LBRACE, "'{' to begin a region");
        boolean iso = currentOpIsolated();
        String opName = opNames.peek();
        defaultDialects.push("func.func".equals(opName) ? "func" : "");
        if (iso) isolated.push(new ValueScope());
        RegionScope rs = new RegionScope(region);
        regionScopes.push(rs);
        try {
            if (!entryArgs.isEmpty() || (!at(CARET_ID) && !at(RBRACE))) {
                Block entry = region.addBlock();
                for (Argument a : entryArgs) {
                    BlockArgument ba =
                            entry.addArgument(a.type(), a.loc().orElse(a.ssa().loc()));
                    define(a.ssa().name(), new Value[] {ba}, offsetOf(a.ssa().loc()));
                }
                if (!entryArgs.isEmpty() && at(CARET_ID))
                    throw errorHere("invalid block name in region with named arguments");
                parseBlockBody(entry);
            }
            while (at(CARET_ID)) parseBlock(rs);
            expect(RBRACE, "'}' to end region");
            BlockRef undefined = null;
            for (BlockRef b : rs.blocks.values())
                if (!b.defined && (undefined == null || b.firstUse < undefined.firstUse)) undefined = b;
            if (undefined != null) throw error(undefined.firstUse, "reference to an undefined block");
            if (iso) finishScope(isolated.peek());
        } finally {
            regionScopes.pop();
            defaultDialects.pop();
            if (iso) isolated.pop();
            else for (String n : rs.defined) isolated.peek().values.remove(n);
        }
    }

    private void parseBlock(RegionScope rs) {
        Token t = tok.next();
        String name = tok.text(t);
        BlockRef ref = rs.blocks.get(name);
        if (ref == null) {
            ref = new BlockRef();
            ref.firstUse = t.getStartIndex();
            rs.blocks.put(name, ref);
        } else if (ref.defined) {
            throw error(t.getStartIndex(), "redefinition of block '" + name + "'");
        }
        ref.defined = true;
        Block b = ref.block;
        rs.region.append(b);
        if (consumeIf(LPAREN)) {
            if (!consumeIf(RPAREN)) {
                do {
                    UnresolvedOperand u = readOperand();
                    expect(COLON, "':' and type for SSA operand");
                    Type ty = readType();
                    Location l = atLocation() ? parseLocationSpecifier() : u.loc();
                    define(u.name(), new Value[] {b.addArgument(ty, l)}, offsetOf(u.loc()));
                } while (consumeIf(COMMA));
                expect(RPAREN, "')' to end argument list");
            }
        }
        expect(COLON, "':' after block name");
        parseBlockBody(b);
    }

    private void parseBlockBody(Block b) {
        while (!at(CARET_ID) && !at(RBRACE)) {
            if (at(Token.EOF)) throw errorHere("expected '}' to end region");
            b.append(parseOperation());
        }
    }

    private Block parseSuccessorRef() {
        Token t = expect(CARET_ID, "block name");
        RegionScope rs = regionScopes.peek();
        String name = tok.text(t);
        BlockRef ref = rs.blocks.get(name);
        if (ref == null) {
            ref = new BlockRef();
            ref.firstUse = t.getStartIndex();
            rs.blocks.put(name, ref);
        }
        return ref.block;
    }

    // ---- OpAsmParser -----------------------------------------------------------------------------------------

    private static final Map<String, Integer> PUNCT = Map.ofEntries(
            Map.entry("(", LPAREN),
            Map.entry(")", RPAREN),
            Map.entry("[", LSQUARE),
            Map.entry("]", RSQUARE),
            Map.entry("{", LBRACE),
            Map.entry("}", RBRACE),
            Map.entry("<", LESS),
            Map.entry(">", GREATER),
            Map.entry(",", COMMA),
            Map.entry(":", COLON),
            Map.entry("=", EQUAL),
            Map.entry("->", ARROW),
            Map.entry("-", MINUS),
            Map.entry("+", PLUS),
            Map.entry("*", STAR),
            Map.entry("?", QUESTION),
            Map.entry("|", VBAR),
            Map.entry("...", ELLIPSIS));

    private int punct(String p) {
        Integer k = PUNCT.get(p);
        if (k == null) throw new IllegalArgumentException("not a punctuation token: " + p);
        return k;
    }

    @Override
    public Location currentLocation() {
        return locAt(tok.offset());
    }

    @Override
    public boolean emitError(String message) {
        diag.report(Diagnostic.error(currentLocation(), message));
        return false;
    }

    @Override
    public boolean emitError(Location loc, String message) {
        diag.report(Diagnostic.error(loc, message));
        return false;
    }

    @Override
    public boolean parseToken(String p) {
        expect(punct(p), "'" + p + "'");
        return true;
    }

    @Override
    public boolean parseOptionalToken(String p) {
        return consumeIf(punct(p));
    }

    @Override
    public boolean parseKeyword(String keyword) {
        if (!consumeKeyword(keyword)) throw errorHere("expected '" + keyword + "'");
        return true;
    }

    @Override
    public boolean parseOptionalKeyword(String keyword) {
        return consumeKeyword(keyword);
    }

    @Override
    public Optional<String> parseOptionalBareIdentifier() {
        return at(BARE_ID) ? Optional.of(tok.text(tok.next())) : Optional.empty();
    }

    @Override
    public Optional<String> parseOptionalString() {
        return at(STRING) ? Optional.of(stringValue(tok.next())) : Optional.empty();
    }

    @Override
    public Optional<String> parseSymbolName() {
        return Optional.of(symbolName(expect(AT_ID, "valid '@'-identifier for symbol name")));
    }

    @Override
    public Optional<String> parseOptionalSymbolName() {
        return at(AT_ID) ? Optional.of(symbolName(tok.next())) : Optional.empty();
    }

    @Override
    public Optional<UnresolvedOperand> parseOperand() {
        return Optional.of(readOperand());
    }

    @Override
    public Optional<UnresolvedOperand> parseOptionalOperand() {
        return at(PERCENT_ID) ? Optional.of(readOperand()) : Optional.empty();
    }

    @Override
    public Optional<List<UnresolvedOperand>> parseOperandList() {
        List<UnresolvedOperand> out = new ArrayList<>();
        if (at(PERCENT_ID)) {
            do out.add(readOperand());
            while (consumeIf(COMMA));
        }
        return Optional.of(out);
    }

    @Override
    public Optional<Value> resolveOperand(UnresolvedOperand operand, Type type) {
        return Optional.of(resolve(operand, type));
    }

    @Override
    public Optional<Type> parseType() {
        return Optional.of(readType());
    }

    @Override
    public Optional<List<Type>> parseTypeList() {
        List<Type> out = new ArrayList<>();
        if (atType()) {
            do out.add(readType());
            while (consumeIf(COMMA));
        }
        return Optional.of(out);
    }

    @Override
    public Optional<List<Type>> parseFunctionResultTypes() {
        return Optional.of(parseFunctionResultTypeList());
    }

    @Override
    public Optional<Attribute> parseAttribute() {
        return Optional.of(readAttribute());
    }

    @Override
    public boolean parseOptionalAttrDict(List<NamedAttribute> into) {
        if (!at(LBRACE)) return false;
        into.addAll(parseAttrDict());
        return true;
    }

    @Override
    public boolean parseOptionalAttrDictWithKeyword(List<NamedAttribute> into) {
        if (!consumeKeyword("attributes")) return false;
        into.addAll(parseAttrDict());
        return true;
    }

    @Override
    public Optional<Argument> parseArgument(boolean allowAttrs) {
        UnresolvedOperand u = readOperand();
        expect(COLON, "':'");
        Type t = readType();
        DictionaryAttr attrs = allowAttrs && at(LBRACE) ? new DictionaryAttr(parseAttrDict()) : DictionaryAttr.EMPTY;
        Optional<Location> l = atLocation() ? Optional.of(parseLocationSpecifier()) : Optional.empty();
        return Optional.of(new Argument(u, t, attrs, l));
    }

    @Override
    public Optional<List<Argument>> parseArgumentList(boolean allowAttrs) {
        expect(LPAREN, "'('");
        List<Argument> out = new ArrayList<>();
        if (!consumeIf(RPAREN)) {
            do out.add(parseArgument(allowAttrs).orElseThrow());
            while (consumeIf(COMMA));
            expect(RPAREN, "')'");
        }
        return Optional.of(out);
    }

    @Override
    public Optional<Location> parseOptionalLocationSpecifier() {
        return atLocation() ? Optional.of(parseLocationSpecifier()) : Optional.empty();
    }

    @Override
    public Optional<Block> parseSuccessor() {
        return Optional.of(parseSuccessorRef());
    }

    @Override
    public boolean parseRegion(Region region, List<Argument> entryArgs) {
        parseRegionInto(region, entryArgs);
        return true;
    }

    @Override
    public Optional<Boolean> parseOptionalRegion(Region region, List<Argument> entryArgs) {
        if (!at(LBRACE)) return Optional.of(false);
        parseRegionInto(region, entryArgs);
        return Optional.of(true);
    }
}
