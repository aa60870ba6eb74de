package dev.scenarist.sandbox.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Unprivileged uids for sandboxed runs when Scenarist itself runs as root. Each concurrently running sandbox holds
 * its own uid, so {@code RLIMIT_NPROC} (which the kernel counts per uid) is not shared between runs, and "kill every
 * process of this uid" after a run cannot hit another run.
 *
 * <p>A uid is held through an exclusive lock on {@code <lockDir>/<uid>.lock}: file locks are released by the kernel
 * when a JVM dies, and they exclude other JVMs (two Scenarist processes, parallel test forks) as well as other pools
 * in this JVM (an {@link OverlappingFileLockException} means this JVM holds it already).
 */
public final class UidPool {
    /** First uid of the default range: far above ordinary accounts (1000…) and below nobody (65534). */
    public static final int DEFAULT_FIRST_UID = 61_000;
    /** Uids in the default range, i.e. sandboxed runs that can run at once before {@link #lease} waits. */
    public static final int DEFAULT_SIZE = 64;
    private static final long RETRY_MILLIS = 50;
    /**
     * The lock files this JVM holds, whichever pool took them. POSIX record locks belong to the process, and closing
     * any channel on a file releases all of the process's locks on it: so a file this JVM holds must never be opened
     * (and closed) again here, or another process could take the uid and kill this run's processes. This set mirrors
     * that per-process kernel state, which is why it is per JVM and not per pool.
     */
    private static final Set<Path> HELD_BY_THIS_JVM = ConcurrentHashMap.newKeySet();

    private final int first;
    private final int size;
    private final Path lockDir;

    public UidPool(int first, int size, Path lockDir) {
        if (first < 1000 || size < 1) {
            throw new IllegalArgumentException("uid range " + first + "+" + size + " must start at 1000 or above and hold at least one uid");
        }
        this.first = first;
        this.size = size;
        this.lockDir = lockDir;
    }

    /**
     * The default range with its locks in {@code <tmpDir>/scenarist-sandbox-uids}: every process sharing the range
     * must pass the same {@code tmpDir} (the JVM's {@code java.io.tmpdir}), or two of them could lease one uid.
     */
    public static UidPool standard(Path tmpDir) {
        return new UidPool(DEFAULT_FIRST_UID, DEFAULT_SIZE, tmpDir.resolve("scenarist-sandbox-uids"));
    }

    /**
     * Takes a free uid, waiting while all are in use, and kills anything still running under it (left by a JVM
     * that died mid-run).
     */
    public UidLease lease() throws IOException, InterruptedException {
        prepareLockDir();
        while (true) {
            for (int uid = first; uid < first + size; uid++) {
                Path file = lockDir.resolve(uid + ".lock").toAbsolutePath();
                if (!HELD_BY_THIS_JVM.add(file)) continue; // this JVM runs a sandbox under that uid right now
                FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = null;
                try {
                    lock = channel.tryLock();
                } catch (OverlappingFileLockException e) {
                    // cannot happen while HELD_BY_THIS_JVM is consulted first; treated as taken
                }
                if (lock != null) {
                    UidLease lease = new UidLease(uid, channel, () -> HELD_BY_THIS_JVM.remove(file));
                    lease.killAll();
                    return lease;
                }
                channel.close(); // this JVM held no lock on the file, so closing releases nobody's
                HELD_BY_THIS_JVM.remove(file);
            }
            Thread.sleep(RETRY_MILLIS);
        }
    }

    /** The lock folder must be ours: a folder planted by another user could hold locks that starve the pool. */
    private void prepareLockDir() throws IOException {
        if (!Files.isDirectory(lockDir, LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectories(lockDir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        int owner = (Integer) Files.getAttribute(lockDir, "unix:uid", LinkOption.NOFOLLOW_LINKS);
        if (Files.isSymbolicLink(lockDir) || owner != 0) {
            throw new IOException("the uid lock folder " + lockDir + " is not a folder owned by root (owner uid " + owner
                    + "); remove it so Scenarist can create its own");
        }
    }
}
