package dev.scenarist.server.pages.runs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The scenario's files as each attempt left them, so that any two can be compared. An attempt that passed its stage has
 * a snapshot folder: its files are read from there. An attempt that failed left no snapshot (its files were not kept),
 * so its version is rebuilt: the files of the last passed stage with the files its reply wrote laid over them — the
 * {@code <file path="…">} blocks of the reply, the same blocks the engine wrote to the workspace.
 */
public final class FileVersions {
    /** Folders the trajectory may name as snapshots; anything else (a damaged or crafted line) is not read. */
    private static final Pattern SNAPSHOT = Pattern.compile("snapshots/[0-9]{2,3}-[a-z][a-z0-9_-]{0,39}");
    private static final Pattern FILE_BLOCK = Pattern.compile("<file\\s+path\\s*=\\s*[\"']([^\"']+)[\"']\\s*>(.*?)</file>", Pattern.DOTALL);
    private static final Pattern FENCED = Pattern.compile("\\A\\s*(```+|~~~+)[^\\n]*\\n(.*?)\\n?\\1\\s*\\z", Pattern.DOTALL);
    private static final long MAX_TEXT = 512 * 1024;

    /**
     * One version: the files after an attempt.
     *
     * @param step        the attempt's trajectory line
     * @param previous    the version this one is compared with by default: the stage's previous attempt, else the last
     *                    passed stage's (empty for the first stage's first attempt)
     * @param rebuilt     whether the files were rebuilt from the reply rather than read from a snapshot
     */
    public record Version(Step step, SortedMap<String, String> files, Optional<Integer> previous, boolean rebuilt) {
        public int seq() {
            return step.seq();
        }

        public String label() {
            return "#" + step.seq() + " " + step.stage() + " attempt " + step.stageAttempt() + " (" + step.verdict() + ")";
        }
    }

    private final Map<Integer, Version> bySeq = new LinkedHashMap<>();

    public FileVersions(Path runDir, List<Step> steps) {
        SortedMap<String, String> base = new TreeMap<>();
        Optional<Integer> baseSeq = Optional.empty();
        Map<String, Integer> lastInStage = new LinkedHashMap<>();
        for (Step s : steps) {
            if (!s.isAttempt() || s.seq() <= 0) continue;
            Optional<Path> snapshot = s.snapshot().filter(p -> SNAPSHOT.matcher(p).matches()).map(runDir::resolve).filter(Files::isDirectory);
            SortedMap<String, String> files;
            boolean rebuilt = snapshot.isEmpty();
            if (snapshot.isPresent()) {
                files = read(snapshot.get());
            } else {
                files = new TreeMap<>(base);
                replyFiles(s.reply()).forEach((path, body) -> {
                    if (s.filesWritten().isEmpty() || s.filesWritten().contains(path)) files.put(path, body);
                });
            }
            Integer sameStage = lastInStage.get(s.stage());
            Optional<Integer> previous = sameStage != null ? Optional.of(sameStage) : baseSeq;
            bySeq.put(s.seq(), new Version(s, Collections.unmodifiableSortedMap(files), previous, rebuilt));
            lastInStage.put(s.stage(), s.seq());
            if (snapshot.isPresent() && "passed".equals(s.verdict())) {
                base = files;
                baseSeq = Optional.of(s.seq());
            }
        }
    }

    public List<Version> all() {
        return List.copyOf(bySeq.values());
    }

    public Optional<Version> find(int seq) {
        return Optional.ofNullable(bySeq.get(seq));
    }

    /** The files of a version, or none for "before the first stage". */
    public SortedMap<String, String> files(Optional<Integer> seq) {
        return seq.flatMap(this::find).map(Version::files).orElse(Collections.emptySortedMap());
    }

    /** The file blocks of a reply, each body without the one newline after its tag and before its close, and unfenced. */
    static SortedMap<String, String> replyFiles(String reply) {
        SortedMap<String, String> files = new TreeMap<>();
        if (reply == null) return files;
        Matcher m = FILE_BLOCK.matcher(reply);
        while (m.find()) {
            String body = m.group(2);
            if (body.startsWith("\r\n")) body = body.substring(2);
            else if (body.startsWith("\n")) body = body.substring(1);
            Matcher f = FENCED.matcher(body);
            if (f.matches()) body = f.group(2) + "\n";
            files.put(m.group(1).strip(), body);
        }
        return files;
    }

    /** A folder's regular files (links are not followed): text as it is, anything else as a line naming its size and hash. */
    private static SortedMap<String, String> read(Path dir) {
        SortedMap<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) continue;
                String rel = dir.relativize(p).toString().replace('\\', '/');
                files.put(rel, content(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the snapshot " + dir + ": " + e.getMessage(), e);
        }
        return files;
    }

    private static String content(Path p) throws IOException {
        long size = Files.size(p);
        if (size <= MAX_TEXT) {
            byte[] b = Files.readAllBytes(p);
            Optional<String> text = utf8(b);
            if (text.isPresent() && text.get().indexOf('\0') < 0) return text.get();
            return binary(b.length, b);
        }
        return "(large file, " + size + " bytes: not compared line by line)\n";
    }

    private static Optional<String> utf8(byte[] b) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static String binary(long size, byte[] b) {
        try {
            String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b)).substring(0, 16);
            return "(binary file, " + size + " bytes, sha-256 " + hash + ")\n";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
