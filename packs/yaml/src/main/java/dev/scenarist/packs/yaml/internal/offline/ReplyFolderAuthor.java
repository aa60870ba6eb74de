package dev.scenarist.packs.yaml.internal.offline;

import dev.scenarist.core.author.Author;
import dev.scenarist.core.author.AuthorReply;
import dev.scenarist.core.author.AuthorRequest;
import dev.scenarist.core.author.PermanentAuthorException;
import dev.scenarist.core.model.Usage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Answers author requests from a folder of scripted replies, written as a model would write them. Used to record
 * cassettes and to run a pack end to end with no model at all.
 *
 * <pre>
 * replies/
 *   library-loans/              ← slug of the request's "topic" parameter ("Library loans" → library-loans)
 *     describe-1.md             ← stage "describe", attempt 1
 *     describe-2.md             ← attempt 2 (after attempt 1 failed its checks)
 *     queries.judge.answerable-1.md   ← the judge check "answerable" of stage "queries" (request stage
 *                                       "queries:judge:answerable"; ':' becomes '.' in file names)
 *     review-1.md               ← the review stage's critique
 * </pre>
 *
 * With several key parameters ({@code by: [topic, angle]}) each one below the first selects a sub-folder when it
 * exists ({@code library-loans/anti-join/describe-1.md}); when it does not, the files of the folder above answer,
 * so hand-written replies for a topic and generated ones for its other angles live side by side.
 *
 * <p>For attempt {@code n} it reads {@code <stage>-<n>.md}; when that file is missing and every present attempt is
 * lower, it reads the highest one (a stage that passed at attempt 1 needs no copies for later attempts, and a
 * judge asked again answers as before). {@code {{name}}} placeholders in a reply are replaced by the request's
 * parameter of that name. Token usage is estimated at four characters per token; the cost is zero.
 */
public final class ReplyFolderAuthor implements Author {

    private final String id;
    private final Path folder;
    private final String keyParameter;
    private final List<String> subKeys;

    /**
     * @param folder       the replies folder (one sub-folder per value of the key parameter)
     * @param keyParameter the run parameter that selects the sub-folder, e.g. {@code topic}
     */
    public ReplyFolderAuthor(String id, Path folder, String keyParameter) {
        this(id, folder, List.of(keyParameter));
    }

    /** @param keyParameters the parameters selecting one folder level each; the first level must exist */
    public ReplyFolderAuthor(String id, Path folder, List<String> keyParameters) {
        this.id = Objects.requireNonNull(id, "id");
        this.folder = folder.toAbsolutePath().normalize();
        if (keyParameters.isEmpty()) throw new IllegalArgumentException("reply folder " + folder + " needs at least one key parameter");
        this.keyParameter = keyParameters.getFirst();
        this.subKeys = List.copyOf(keyParameters.subList(1, keyParameters.size()));
    }

    @Override
    public String id() {
        return id;
    }

    public Path folder() {
        return folder;
    }

    @Override
    public AuthorReply reply(AuthorRequest request) throws PermanentAuthorException {
        Object key = request.parameters().get(keyParameter);
        if (key == null) {
            throw new PermanentAuthorException("reply folder " + folder + " is organised by the run parameter '" + keyParameter
                    + "', but the request for stage '" + request.stage() + "' has no such parameter (it has " + request.parameters().keySet() + ")");
        }
        Path dir = folder.resolve(slug(key.toString()));
        if (!Files.isDirectory(dir)) {
            throw new PermanentAuthorException("no scripted replies for " + keyParameter + " '" + key + "': folder " + dir
                    + " does not exist; add it, or use one of the " + keyParameter + "s that have replies: " + available());
        }
        for (String sub : subKeys) {
            Object value = request.parameters().get(sub);
            if (value == null) break;
            Path deeper = dir.resolve(slug(value.toString()));
            if (!Files.isDirectory(deeper)) break;
            dir = deeper;
        }
        String stem = fileStem(request.stage());
        Path file = choose(dir, stem, request.attempt());
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new PermanentAuthorException("cannot read scripted reply " + file + ": " + e.getMessage(), e);
        }
        text = render(text, request.parameters());
        Usage usage = Usage.tokens(estimateTokens(request.system()) + estimateTokens(request.prompt()), estimateTokens(text));
        return new AuthorReply(text, usage, "replies/" + folder.relativize(dir).toString().replace('\\', '/'), Duration.ZERO);
    }

    /** The folder name for a parameter value: lower case, accents dropped, runs of other characters as one '-'. */
    public static String slug(String value) {
        String ascii = Normalizer.normalize(value, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        return ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    }

    /** The file-name stem for a request's stage: ':' (not allowed in Windows file names) becomes '.'. */
    public static String fileStem(String stage) {
        return stage.replace(':', '.');
    }

    private Path choose(Path dir, String stem, int attempt) throws PermanentAuthorException {
        Path exact = dir.resolve(stem + "-" + attempt + ".md");
        if (Files.isRegularFile(exact)) return exact;
        Pattern numbered = Pattern.compile(Pattern.quote(stem) + "-(\\d+)\\.md");
        OptionalInt highest;
        try (Stream<Path> files = Files.list(dir)) {
            highest = files.map(p -> numbered.matcher(p.getFileName().toString()))
                    .filter(Matcher::matches).mapToInt(m -> Integer.parseInt(m.group(1))).max();
        } catch (IOException e) {
            throw new PermanentAuthorException("cannot list " + dir + ": " + e.getMessage(), e);
        }
        if (highest.isPresent() && highest.getAsInt() < attempt) return dir.resolve(stem + "-" + highest.getAsInt() + ".md");
        throw new PermanentAuthorException("no scripted reply " + exact.getFileName() + " in " + dir
                + (highest.isPresent() ? " (there are replies up to attempt " + highest.getAsInt() + " only from a later one)" : "")
                + "; write it as the model's reply for stage '" + stem.replace('.', ':') + "' attempt " + attempt);
    }

    private List<String> available() {
        try (Stream<Path> dirs = Files.list(folder)) {
            return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static String render(String text, Map<String, Object> parameters) {
        return dev.scenarist.core.pack.Placeholders.render(text, parameters);
    }

    private static long estimateTokens(String s) {
        return (s.length() + 3) / 4;
    }
}
