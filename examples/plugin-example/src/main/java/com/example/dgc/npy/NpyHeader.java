package com.example.dgc.npy;

import dev.dgc.api.cube.DataType;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parsed header of a {@code .npy} file (format versions 1–3): element type, byte order, shape
 * and where the data starts.
 *
 * @param dataType   element type
 * @param order      element byte order
 * @param shape      array shape
 * @param dataOffset byte offset of the first element
 */
record NpyHeader(DataType dataType, ByteOrder order, long[] shape, long dataOffset) {

    static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};

    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([<>|=])([a-z])(\\d+)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    static NpyHeader read(Path file, FileChannel ch) throws IOException {
        ByteBuffer pre = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
        readFully(ch, pre, 0, file);
        for (int i = 0; i < MAGIC.length; i++) {
            if (pre.get(i) != MAGIC[i]) {
                throw new IOException(file + ": not a NumPy .npy file (no \\x93NUMPY magic)");
            }
        }
        int major = pre.get(6);
        long headerLength;
        long headerStart;
        if (major == 1) {
            headerLength = Short.toUnsignedInt(pre.getShort(8));
            headerStart = 10;
        } else if (major == 2 || major == 3) {
            headerLength = Integer.toUnsignedLong(pre.getInt(8));
            headerStart = 12;
        } else {
            throw new IOException(file + ": .npy format version " + major + " is not supported (1, 2 and 3 are)");
        }
        if (headerLength > 1 << 20 || headerStart + headerLength > ch.size()) {
            throw new IOException(file + ": .npy header length " + headerLength + " runs past the end of the file");
        }
        ByteBuffer hb = ByteBuffer.allocate((int) headerLength);
        readFully(ch, hb, headerStart, file);
        String header = new String(hb.array(), major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        return parse(file, header, headerStart + headerLength, ch.size());
    }

    private static NpyHeader parse(Path file, String header, long dataOffset, long fileSize) throws IOException {
        Matcher d = DESCR.matcher(header);
        if (!d.find()) {
            throw new IOException(file + ": .npy header has no simple 'descr' (structured arrays are not cubes): " + header.trim());
        }
        ByteOrder order = ">".equals(d.group(1)) ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        DataType type = type(file, d.group(2), Integer.parseInt(d.group(3)));
        Matcher f = FORTRAN.matcher(header);
        if (f.find() && "True".equals(f.group(1))) {
            throw new IOException(file + ": Fortran-ordered arrays are not supported; save with np.save(path, np.ascontiguousarray(cube))");
        }
        Matcher s = SHAPE.matcher(header);
        if (!s.find()) {
            throw new IOException(file + ": .npy header has no 'shape'");
        }
        List<Long> dims = new ArrayList<>();
        for (String part : s.group(1).split(",")) {
            if (!part.isBlank()) {
                dims.add(Long.parseLong(part.trim()));
            }
        }
        long[] shape = dims.stream().mapToLong(Long::longValue).toArray();
        long elements = 1;
        for (long n : shape) {
            elements = Math.multiplyExact(elements, n);
        }
        long needed = dataOffset + elements * type.bytes();
        if (fileSize < needed) {
            throw new IOException(file + ": truncated: the header promises " + needed + " bytes for shape " + dims
                    + " of " + type + ", the file has " + fileSize);
        }
        return new NpyHeader(type, order, shape, dataOffset);
    }

    private static DataType type(Path file, String kind, int bytes) throws IOException {
        String key = kind + bytes;
        switch (key) {
            case "u1": return DataType.UINT8;
            case "i1": return DataType.INT8;
            case "i2": return DataType.INT16;
            case "u2": return DataType.UINT16;
            case "i4": return DataType.INT32;
            case "u4": return DataType.UINT32;
            case "i8": return DataType.INT64;
            case "u8": return DataType.UINT64;
            case "f4": return DataType.FLOAT32;
            case "f8": return DataType.FLOAT64;
            default:
                throw new IOException(file + ": element type '" + key + "' is not supported"
                        + ("c".equals(kind) ? " (complex data is not a reflectance cube)" : ""));
        }
    }

    static void readFully(FileChannel ch, ByteBuffer dst, long position, Path file) throws IOException {
        long pos = position;
        while (dst.hasRemaining()) {
            int n = ch.read(dst, pos);
            if (n < 0) {
                throw new IOException(file + ": unexpected end of file at byte " + pos);
            }
            pos += n;
        }
        dst.flip();
    }
}
