package dev.dal.ir.interp;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * NumPy's {@code .npy} format (versions 1.0, 2.0 and 3.0): a magic string, a version, a header length, a Python
 * dict literal {@code {'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }} padded with spaces to a multiple of
 * 64 bytes and ending in a newline, then the elements in C order. Only little-endian and one-byte descriptors are
 * accepted; Fortran order is rejected. The project's only NPY implementation.
 */
public final class Npy {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private Npy() {}

    /** A malformed or unsupported {@code .npy} file; the message says what is wrong, in lower case. */
    public static final class NpyException extends IOException {
        /** Creates the exception with its message. */
        public NpyException(String message) {
            super(message);
        }
    }

    /** {@return the tensor stored in a {@code .npy} file} @throws NpyException if the file is malformed */
    public static Tensor read(Path file) throws IOException {
        byte[] all = Files.readAllBytes(file);
        try {
            return read(ByteBuffer.wrap(all));
        } catch (NpyException e) {
            throw new NpyException(file + ": " + e.getMessage());
        }
    }

    /** {@return the tensor stored in {@code .npy} bytes (the remaining bytes of the buffer)} */
    public static Tensor read(ByteBuffer in) throws NpyException {
        ByteBuffer b = in.slice().order(ByteOrder.LITTLE_ENDIAN);
        if (b.remaining() < 10) throw new NpyException("not a .npy file: too short");
        for (int i = 0; i < MAGIC.length; i++)
            if (b.get(i) != MAGIC[i]) throw new NpyException("not a .npy file: bad magic string");
        int major = b.get(6) & 0xFF;
        int headerLen;
        int start;
        switch (major) {
            case 1 -> {
                headerLen = b.getShort(8) & 0xFFFF;
                start = 10;
            }
            case 2, 3 -> {
                if (b.remaining() < 12) throw new NpyException("not a .npy file: too short");
                long l = b.getInt(8) & 0xFFFF_FFFFL;
                if (l > Integer.MAX_VALUE) throw new NpyException("header too long");
                headerLen = (int) l;
                start = 12;
            }
            default -> throw new NpyException("unsupported .npy version " + major + "." + (b.get(7) & 0xFF));
        }
        if ((long) start + headerLen > b.remaining()) throw new NpyException("truncated header");
        byte[] hb = new byte[headerLen];
        b.get(start, hb);
        String header = new String(hb, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        Matcher d = DESCR.matcher(header);
        Matcher f = FORTRAN.matcher(header);
        Matcher s = SHAPE.matcher(header);
        if (!d.find() || !f.find() || !s.find()) throw new NpyException("malformed header: " + header.strip());
        if (f.group(1).equals("True"))
            throw new NpyException("fortran_order arrays are not supported; save the array in C order");
        String descr = d.group(1);
        if (descr.startsWith(">")) throw new NpyException("big-endian dtype '" + descr + "' is not supported");
        DType dtype =
                DType.fromNpyDescr(descr).orElseThrow(() -> new NpyException("unsupported dtype '" + descr + "'"));
        int[] shape = parseShape(s.group(1));
        long n = 1;
        for (int x : shape) n *= x;
        long bytes = n * dtype.byteSize();
        int dataStart = start + headerLen;
        if (b.remaining() - dataStart < bytes)
            throw new NpyException(
                    "truncated data: expected " + bytes + " bytes, found " + (b.remaining() - dataStart));
        ByteBuffer data = b.duplicate()
                .position(dataStart)
                .limit((int) (dataStart + bytes))
                .slice()
                .order(ByteOrder.LITTLE_ENDIAN);
        Tensor t = Tensor.wrap(dtype, data, shape);
        t.array(); // NumPy data is read into memory anyway: convert to the kernels' array form now
        return t;
    }

    private static int[] parseShape(String text) throws NpyException {
        List<Integer> dims = new ArrayList<>();
        for (String part : text.split(",")) {
            String p = part.strip();
            if (p.isEmpty()) continue;
            if (p.endsWith("L")) p = p.substring(0, p.length() - 1);
            try {
                long v = Long.parseLong(p);
                if (v < 0 || v > Integer.MAX_VALUE) throw new NpyException("bad dimension " + p);
                dims.add((int) v);
            } catch (NumberFormatException e) {
                throw new NpyException("bad shape (" + text + ")");
            }
        }
        return dims.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Writes a tensor as a {@code .npy} file (version 1.0, or 2.0 if the header needs it). */
    public static void write(Path file, Tensor t) throws IOException {
        Files.write(file, toBytes(t));
    }

    /** {@return the {@code .npy} bytes of a tensor} */
    public static byte[] toBytes(Tensor t) {
        String descr = t.dtype()
                .npyDescr()
                .orElseThrow(() -> new IllegalArgumentException(t.dtype() + " tensors cannot be written as .npy"));
        StringBuilder shape = new StringBuilder("(");
        for (int i = 0; i < t.rank(); i++) {
            shape.append(t.dim(i));
            if (t.rank() == 1 || i < t.rank() - 1) shape.append(t.rank() == 1 ? "," : ", ");
        }
        shape.append(')');
        String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + shape + ", }";
        int version = 1;
        int prefix = 10;
        int total = prefix + dict.length() + 1;
        if (((total + 63) / 64) * 64 - prefix > 0xFFFF) {
            version = 2;
            prefix = 12;
            total = prefix + dict.length() + 1;
        }
        int padded = ((total + 63) / 64) * 64;
        String header = dict + " ".repeat(padded - total) + "\n";
        ByteBuffer data = t.toBytes();
        ByteBuffer out = ByteBuffer.allocate(padded + data.remaining()).order(ByteOrder.LITTLE_ENDIAN);
        out.put(MAGIC).put((byte) version).put((byte) 0);
        if (version == 1) out.putShort((short) header.length());
        else out.putInt(header.length());
        out.put(header.getBytes(StandardCharsets.ISO_8859_1)).put(data);
        return out.array();
    }
}
