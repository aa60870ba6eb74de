package dev.scenarist.sandbox.internal;

import dev.scenarist.sandbox.CapturedOutput;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Drains one stream completely while keeping at most {@code limit} bytes: the first three quarters of the limit
 * from the start of the stream and the last quarter from its end. Draining to the end (rather than stopping at the
 * limit) is what keeps a chatty command from blocking on a full pipe.
 */
final class BoundedCapture {
    private final int headCapacity;
    private final byte[] tail;
    private final ByteArrayOutputStream head;
    private long total;
    private int tailStart;
    private int tailSize;

    BoundedCapture(int limit) {
        int tailCapacity = Math.max(1, limit / 4);
        this.headCapacity = limit - tailCapacity;
        this.tail = new byte[tailCapacity];
        this.head = new ByteArrayOutputStream(Math.min(headCapacity, 8192));
    }

    /** Reads until end of stream (or until the stream is closed under it). */
    void drain(InputStream in) {
        byte[] buf = new byte[8192];
        try (in) {
            int n;
            while ((n = in.read(buf)) > 0) append(buf, n);
        } catch (IOException e) {
            // the stream was closed because the process was killed: keep what was read
        }
    }

    private synchronized void append(byte[] buf, int n) {
        total += n;
        int off = 0;
        if (head.size() < headCapacity) {
            int take = Math.min(n, headCapacity - head.size());
            head.write(buf, 0, take);
            off = take;
        }
        for (int i = off; i < n; i++) {
            int pos = (tailStart + tailSize) % tail.length;
            tail[pos] = buf[i];
            if (tailSize < tail.length) tailSize++;
            else tailStart = (tailStart + 1) % tail.length;
        }
    }

    synchronized CapturedOutput snapshot() {
        byte[] t = new byte[tailSize];
        for (int i = 0; i < tailSize; i++) t[i] = tail[(tailStart + i) % tail.length];
        long kept = head.size() + (long) tailSize;
        boolean truncated = total > kept;
        String text = head.toString(StandardCharsets.UTF_8)
                + (truncated ? "\n[… " + (total - kept) + " bytes truncated …]\n" : "")
                + new String(t, StandardCharsets.UTF_8);
        return new CapturedOutput(text, total, truncated);
    }
}
