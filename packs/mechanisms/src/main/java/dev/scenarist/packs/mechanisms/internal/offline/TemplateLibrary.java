package dev.scenarist.packs.mechanisms.internal.offline;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The offline template library bundled with the pack: {@code templates/library.txt} lists the sources
 * ({@code templates/Tier<N>/<Class>.java}), each with its {@code <Class>.design.json}.
 */
public final class TemplateLibrary {
    private static final String ROOT = "templates/";
    private final List<LibraryTemplate> templates;
    private final String fingerprint;

    private TemplateLibrary(List<LibraryTemplate> templates, String fingerprint) {
        this.templates = List.copyOf(templates);
        this.fingerprint = fingerprint;
    }

    public static TemplateLibrary bundled() {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            List<LibraryTemplate> out = new ArrayList<>();
            for (String line : resource(ROOT + "library.txt").lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList()) {
                String source = resource(ROOT + line);
                String designFile = ROOT + line.substring(0, line.length() - ".java".length()) + ".design.json";
                String design = resource(designFile);
                md.update(source.getBytes(StandardCharsets.UTF_8));
                md.update(design.getBytes(StandardCharsets.UTF_8));
                out.add(LibraryTemplate.read(line, source, DesignSpace.parse(design, designFile)));
            }
            return new TemplateLibrary(out, HexFormat.of().formatHex(md.digest()).substring(0, 12));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public List<LibraryTemplate> all() {
        return templates;
    }

    public List<LibraryTemplate> tier(int tier) {
        return templates.stream().filter(t -> t.tier() == tier).toList();
    }

    /** Changes whenever a template or its design space changes (part of the pack's definition hash). */
    public String fingerprint() {
        return fingerprint;
    }

    private static String resource(String name) {
        try (InputStream in = TemplateLibrary.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("the pack's resource " + name + " is missing (a broken build?)");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the pack's resource " + name, e);
        }
    }
}
