package org.docbench.core.features.fast;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Primitive arrays to and from a data stream, length first, in bulk: the compiled tables are
 * written once at training time and read on every model load, where a loop of
 * {@code readInt} calls over a few hundred thousand entries would run in the interpreter.
 */
final class TableIO {
    private TableIO() {
    }

    static void ints(DataOutput out, int[] a) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(a.length * Integer.BYTES);
        b.asIntBuffer().put(a);
        bytes(out, a.length, b);
    }

    static int[] ints(DataInput in) throws IOException {
        int n = length(in, Integer.BYTES);
        int[] a = new int[n];
        bytes(in, n * Integer.BYTES).asIntBuffer().get(a);
        return a;
    }

    static void longs(DataOutput out, long[] a) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(a.length * Long.BYTES);
        b.asLongBuffer().put(a);
        bytes(out, a.length, b);
    }

    static long[] longs(DataInput in) throws IOException {
        int n = length(in, Long.BYTES);
        long[] a = new long[n];
        bytes(in, n * Long.BYTES).asLongBuffer().get(a);
        return a;
    }

    static void doubles(DataOutput out, double[] a) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(a.length * Double.BYTES);
        b.asDoubleBuffer().put(a);
        bytes(out, a.length, b);
    }

    static double[] doubles(DataInput in) throws IOException {
        int n = length(in, Double.BYTES);
        double[] a = new double[n];
        bytes(in, n * Double.BYTES).asDoubleBuffer().get(a);
        return a;
    }

    static void chars(DataOutput out, char[] a) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(a.length * Character.BYTES);
        b.asCharBuffer().put(a);
        bytes(out, a.length, b);
    }

    static char[] chars(DataInput in) throws IOException {
        int n = length(in, Character.BYTES);
        char[] a = new char[n];
        bytes(in, n * Character.BYTES).asCharBuffer().get(a);
        return a;
    }

    /** Fails unless {@code ok}, saying what is wrong with the table. */
    static void check(boolean ok, String what) throws IOException {
        if (!ok) {
            throw new IOException("compiled tables are inconsistent: " + what);
        }
    }

    private static void bytes(DataOutput out, int length, ByteBuffer b) throws IOException {
        out.writeInt(length);
        out.write(b.array());
    }

    private static ByteBuffer bytes(DataInput in, int n) throws IOException {
        byte[] bytes = new byte[n];
        in.readFully(bytes);
        return ByteBuffer.wrap(bytes);
    }

    private static int length(DataInput in, int width) throws IOException {
        int n = in.readInt();
        check(n >= 0 && n <= Integer.MAX_VALUE / width, "an array length of " + n);
        return n;
    }
}
