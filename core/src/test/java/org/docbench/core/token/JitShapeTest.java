package org.docbench.core.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Pins the shape of {@link FastTokenizer}'s cursor that HotSpot's inlining decisions depend on,
 * since the JMH benchmarks notice its loss only when someone runs them side by side with an older
 * commit. C2 inlines a hot callee of at most 325 bytecodes ({@code -XX:FreqInlineSize}); if the
 * general scanner fits, it is inlined into {@code advance}, whose compiled code then grows past
 * {@code -XX:InlineSmallCode} and stops being inlined into the caller's loop, and the cursor loses
 * about a tenth of its speed.
 */
class JitShapeTest {

    /** C2's default {@code FreqInlineSize} on x86-64 and AArch64. */
    private static final int FREQ_INLINE_SIZE = 325;

    @Test
    void advance_isSmallEnoughToInline_andTheGeneralScannerIsNot() throws IOException {
        Map<String, Integer> sizes = bytecodeSizes(FastTokenizer.class);
        int advance = sizes.get("advance()Z");
        int general = sizes.get("advanceGeneral(I)Z");
        assertTrue(advance <= FREQ_INLINE_SIZE, "advance() has " + advance + " bytecodes");
        assertTrue(general > FREQ_INLINE_SIZE, "advanceGeneral has " + general + " bytecodes, at most "
                + FREQ_INLINE_SIZE + ": C2 inlines it into advance(), which is then too big to inline into"
                + " the caller's loop; fold more of the general path into it (see its javadoc)");
    }

    @Test
    void bytecodeSizes_readsTheCodeLengthOfEachMethod() throws IOException {
        // A method of known shape: aload_0, getfield, ireturn.
        assertEquals(5, bytecodeSizes(FastTokenizer.class).get("termLength()I"));
    }

    /** Each method's bytecode length, keyed by name and descriptor, read from the class file. */
    private static Map<String, Integer> bytecodeSizes(Class<?> type) throws IOException {
        try (InputStream raw = type.getResourceAsStream(type.getSimpleName() + ".class");
             DataInputStream in = new DataInputStream(raw)) {
            in.skipNBytes(8); // magic, minor and major version
            String[] utf8 = readConstantPool(in);
            in.skipNBytes(6); // access flags, this class, super class
            in.skipNBytes(2L * in.readUnsignedShort()); // interfaces
            skipMembers(in); // fields
            Map<String, Integer> sizes = new HashMap<>();
            int methods = in.readUnsignedShort();
            for (int m = 0; m < methods; m++) {
                in.skipNBytes(2);
                String name = utf8[in.readUnsignedShort()] + utf8[in.readUnsignedShort()];
                int attributes = in.readUnsignedShort();
                for (int a = 0; a < attributes; a++) {
                    String attribute = utf8[in.readUnsignedShort()];
                    int length = in.readInt();
                    if (attribute.equals("Code")) {
                        in.skipNBytes(4); // max stack, max locals
                        int code = in.readInt();
                        sizes.put(name, code);
                        in.skipNBytes(length - 8L);
                    } else {
                        in.skipNBytes(length);
                    }
                }
            }
            return sizes;
        }
    }

    /** The constant pool's UTF-8 entries by index (other entries are null). */
    private static String[] readConstantPool(DataInputStream in) throws IOException {
        int count = in.readUnsignedShort();
        String[] utf8 = new String[count];
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> utf8[i] = in.readUTF();
                case 7, 8, 16, 19, 20 -> in.skipNBytes(2);
                case 15 -> in.skipNBytes(3);
                case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipNBytes(4);
                case 5, 6 -> {
                    in.skipNBytes(8);
                    i++; // a long or double takes two entries
                }
                default -> throw new IOException("unknown constant pool tag " + tag + " at entry " + i);
            }
        }
        return utf8;
    }

    private static void skipMembers(DataInputStream in) throws IOException {
        int members = in.readUnsignedShort();
        for (int f = 0; f < members; f++) {
            in.skipNBytes(6); // access flags, name, descriptor
            int attributes = in.readUnsignedShort();
            for (int a = 0; a < attributes; a++) {
                in.skipNBytes(2);
                in.skipNBytes(in.readInt());
            }
        }
    }
}
