package org.docbench.classifiers.output;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;

/**
 * The mode and group of an output being replaced, given to the temporary output that replaces it:
 * a model file the user made {@code 600} stays private, a folder prepared as {@code 2770} for a
 * group keeps its setgid bit and group. A new output keeps what the user's umask gives it.
 *
 * <p>Set on the temporary output before anything is written into it, so that what it holds is
 * never more open than what it replaces, not even before the rename.
 *
 * <table>
 * <caption>What is kept</caption>
 * <tr><th>attribute</th><th>how</th><th>when it cannot be</th></tr>
 * <tr><td>all twelve mode bits (setuid, setgid, sticky, rwx)</td><td>{@code unix:mode}</td><td>the nine rwx bits through
 *     {@code posix:permissions}; nothing where neither view exists</td></tr>
 * <tr><td>group</td><td>{@code posix:group}</td><td>left as made: a user may set only a group they are in</td></tr>
 * <tr><td>owner</td><td>not kept</td><td>only root may give a file away</td></tr>
 * </table>
 *
 * <p>Immutable.
 */
public final class KeptAttributes {
    private static final KeptAttributes NOTHING = new KeptAttributes(-1, null);

    /** The mode bits ({@code 07777}), or -1: nothing to keep. */
    private final int mode;
    /** The group, or null: none to keep. */
    private final GroupPrincipal group;

    private KeptAttributes(int mode, GroupPrincipal group) {
        this.mode = mode;
        this.group = group;
    }

    /**
     * The mode and group of {@code replaced} (through a link, the link's target), or nothing to
     * keep when there is nothing there or the file system has no POSIX modes.
     */
    public static KeptAttributes of(Path replaced) throws IOException {
        if (!Files.exists(replaced)) {
            return NOTHING;
        }
        PosixFileAttributeView posix = Files.getFileAttributeView(replaced, PosixFileAttributeView.class);
        if (posix == null) {
            return NOTHING;
        }
        int mode;
        try {
            mode = (Integer) Files.getAttribute(replaced, "unix:mode") & 07777; // without the file type bits
        } catch (UnsupportedOperationException | IllegalArgumentException noUnixView) {
            mode = bits(posix.readAttributes().permissions());
        }
        return new KeptAttributes(mode, posix.readAttributes().group());
    }

    /**
     * Gives {@code tmp}, just made and still empty, the group (best effort) and the mode, with the
     * owner's read and write (and search, for a folder) added so that it can still be filled: those
     * open it to no one else. {@link #apply} then sets the mode exactly.
     */
    public void applyWhileWriting(Path tmp) throws IOException {
        if (mode < 0) {
            return;
        }
        if (group != null) {
            try {
                // Before the mode: changing the group of a file may clear its setuid and setgid bits.
                Files.getFileAttributeView(tmp, PosixFileAttributeView.class).setGroup(group);
            } catch (FileSystemException notOurs) {
                // Only the owner's own groups may be given (or any, by root): keep the one it was made with.
            }
        }
        setMode(tmp, mode | (Files.isDirectory(tmp) ? 0700 : 0600));
    }

    /** Gives {@code tmp}, filled, exactly the mode of what it replaces; just before the rename. */
    public void apply(Path tmp) throws IOException {
        if (mode >= 0) {
            setMode(tmp, mode);
        }
    }

    private static void setMode(Path p, int mode) throws IOException {
        try {
            Files.setAttribute(p, "unix:mode", mode);
        } catch (UnsupportedOperationException | IllegalArgumentException noUnixView) {
            Files.setPosixFilePermissions(p, permissions(mode));
        }
    }

    /** The nine rwx bits, owner read (0400) first as {@link PosixFilePermission} lists them. */
    private static final PosixFilePermission[] BITS = PosixFilePermission.values();

    private static int bits(Set<PosixFilePermission> permissions) {
        int mode = 0;
        for (PosixFilePermission p : permissions) {
            mode |= 0400 >> p.ordinal();
        }
        return mode;
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
        for (PosixFilePermission p : BITS) {
            if ((mode & (0400 >> p.ordinal())) != 0) {
                set.add(p);
            }
        }
        return set;
    }
}
