package dev.scenarist.core.workspace;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.scenarist.core.model.Finding;
import dev.scenarist.core.model.Json;
import dev.scenarist.core.pack.FileFormat;
import dev.scenarist.core.pack.OutputFile;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.xml.sax.InputSource;

/**
 * The guardrail between a model's reply and the workspace. A reply must carry the declared artifact:
 * files in {@code <file path="...">…</file>} blocks (or, for a stage with a single output, one fenced
 * code block or a bare JSON document). Prose instead of files, an unclosed block, a missing required
 * file or a file that does not parse in its declared format fails at once with feedback saying exactly that.
 */
public final class ReplyParser {
    private static final Pattern OPEN = Pattern.compile("<file\\s+path\\s*=\\s*[\"']([^\"']+)[\"']\\s*/?>");
    private static final String CLOSE = "</file>";
    private static final Pattern FENCE = Pattern.compile("(?m)^[ \\t]*(```+|~~~+)[^\\n]*$");
    private static final ObjectMapper YAML = new YAMLMapper();

    /** Explains the reply format to a model; placed in the stable prompt prefix. */
    public static String formatInstructions(List<OutputFile> outputs) {
        StringBuilder b = new StringBuilder();
        b.append("Reply with the complete content of every file, each in its own block:\n\n")
                .append("<file path=\"").append(outputs.getFirst().path()).append("\">\n")
                .append("...the whole file...\n</file>\n\n")
                .append("Files to write:\n");
        for (OutputFile o : outputs) {
            b.append("- ").append(o.path()).append(" (").append(o.format().label())
                    .append(o.required() ? ", required" : ", optional").append(')');
            if (!o.description().isEmpty()) b.append(": ").append(o.description());
            b.append('\n');
        }
        b.append("Write whole files, never fragments or diffs; text outside the blocks is ignored.\n");
        return b.toString();
    }

    public ParsedReply parse(String reply, List<OutputFile> outputs) {
        String text = reply == null ? "" : reply;
        List<Finding> findings = new ArrayList<>();
        SortedMap<String, String> files = new TreeMap<>();
        StringBuilder prose = new StringBuilder();

        Matcher m = OPEN.matcher(text);
        int pos = 0;
        boolean sawBlock = false;
        while (m.find(pos)) {
            sawBlock = true;
            prose.append(text, pos, m.start());
            String path = m.group(1).strip();
            int close = text.indexOf(CLOSE, m.end());
            int nextOpen = nextOpen(text, m.end());
            if (close < 0 || (nextOpen >= 0 && nextOpen < close)) {
                findings.add(forModel(Finding.error("PARTIAL_ARTIFACT", "the block for " + path + " is not closed with </file> (the reply was cut off or malformed)",
                        path, "reply with the complete file, ending its block with </file>")));
                pos = nextOpen >= 0 ? nextOpen : text.length();
                continue;
            }
            String body = stripFence(trimOneNewline(text.substring(m.end(), close)));
            String problem = Workspace.problemWithPath(path);
            if (problem != null) {
                findings.add(forModel(Finding.error("BAD_PATH", problem, path, "use a relative path such as " + outputs.getFirst().path())));
            } else if (files.put(path, body) != null) {
                findings.add(forModel(Finding.error("DUPLICATE_FILE", "the reply contains two blocks for " + path, path, "send each file once")));
            }
            pos = close + CLOSE.length();
        }
        prose.append(text.substring(Math.min(pos, text.length())));

        if (!sawBlock && outputs.size() == 1) {
            ParsedReply single = parseSingle(text, outputs.getFirst());
            if (single != null) return single;
        }
        if (!sawBlock) {
            findings.add(forModel(Finding.error("NO_ARTIFACT",
                    "the reply is prose, not the requested files (expected " + describe(outputs) + ")", "",
                    "reply with each file inside <file path=\"...\"> ... </file>, not a description of it")));
            return new ParsedReply.Rejected(findings);
        }
        for (OutputFile o : outputs) {
            if (o.required() && !files.containsKey(o.path()) && findings.stream().noneMatch(f -> f.location().equals(o.path()))) {
                findings.add(forModel(Finding.error("MISSING_FILE", "the reply has no block for required file " + o.path(), o.path(),
                        "include <file path=\"" + o.path() + "\"> with the complete " + o.format().label() + " content")));
            }
        }
        for (var e : files.entrySet()) {
            outputs.stream().filter(o -> o.path().equals(e.getKey())).findFirst()
                    .ifPresent(o -> formatProblem(e.getKey(), e.getValue(), o.format()).ifPresent(findings::add));
        }
        if (!findings.isEmpty()) return new ParsedReply.Rejected(findings);
        return new ParsedReply.Artifact(files, prose.toString().strip());
    }

    private static int nextOpen(String text, int from) {
        Matcher m = OPEN.matcher(text);
        return m.find(from) ? m.start() : -1;
    }

    /** One output: accept one complete fenced block, or a bare document that parses in the declared format. */
    private ParsedReply parseSingle(String text, OutputFile out) {
        Matcher f = FENCE.matcher(text);
        List<int[]> fences = new ArrayList<>();
        while (f.find()) fences.add(new int[] {f.start(), f.end()});
        if (fences.size() % 2 == 1) {
            return new ParsedReply.Rejected(List.of(forModel(Finding.error("PARTIAL_ARTIFACT",
                    "the reply opens a code block that is never closed (the file was cut off)", out.path(),
                    "reply with the complete file"))));
        }
        if (fences.size() >= 2) {
            if (fences.size() > 2) {
                return new ParsedReply.Rejected(List.of(forModel(Finding.error("AMBIGUOUS_ARTIFACT",
                        "the reply has " + fences.size() / 2 + " code blocks but the stage expects one file, " + out.path(), out.path(),
                        "reply with exactly one block: <file path=\"" + out.path() + "\"> ... </file>"))));
            }
            String body = trimOneNewline(text.substring(fences.get(0)[1], fences.get(1)[0]));
            String prose = (text.substring(0, fences.get(0)[0]) + text.substring(fences.get(1)[1])).strip();
            return formatProblem(out.path(), body, out.format())
                    .<ParsedReply>map(p -> new ParsedReply.Rejected(List.of(p)))
                    .orElseGet(() -> new ParsedReply.Artifact(new TreeMap<>(java.util.Map.of(out.path(), body)), prose));
        }
        if (out.format() == FileFormat.JSON && formatProblem(out.path(), text.strip(), FileFormat.JSON).isEmpty()) {
            return new ParsedReply.Artifact(new TreeMap<>(java.util.Map.of(out.path(), text.strip() + "\n")), "");
        }
        return null;
    }

    /**
     * A problem with the form of the model's reply: its hint tells the model how to answer, which a person reading
     * the run cannot act on (nothing in the scenario to change), so people see the message and no fix.
     */
    private static Finding forModel(Finding f) {
        return f.withFix("");
    }

    private static String describe(List<OutputFile> outputs) {
        return String.join(", ", outputs.stream().map(OutputFile::path).toList());
    }

    private static String trimOneNewline(String s) {
        String out = s.startsWith("\r\n") ? s.substring(2) : s.startsWith("\n") ? s.substring(1) : s;
        if (!out.endsWith("\n")) out = out + "\n";
        return out;
    }

    /** Models often wrap a file's content in a fence inside the block; the fence is not part of the file. */
    private static String stripFence(String body) {
        String t = body.strip();
        if ((t.startsWith("```") || t.startsWith("~~~")) && (t.endsWith("```") || t.endsWith("~~~"))) {
            int firstNl = t.indexOf('\n');
            int lastNl = t.lastIndexOf('\n');
            if (firstNl > 0 && lastNl > firstNl) return t.substring(firstNl + 1, lastNl + 1);
        }
        return body;
    }

    static java.util.Optional<Finding> formatProblem(String path, String content, FileFormat format) {
        if (content.isBlank()) {
            return java.util.Optional.of(Finding.error("EMPTY_FILE", path + " is empty", path, "write the complete file"));
        }
        try {
            switch (format) {
                case JSON -> Json.mapper().readTree(content);
                case YAML -> YAML.readTree(content);
                case XML -> {
                    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
                    // generated XML is untrusted: no DTDs, no external entities
                    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
                    f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
                    var builder = f.newDocumentBuilder();
                    builder.setErrorHandler(null);
                    builder.parse(new InputSource(new StringReader(content)));
                }
                case TEXT, CODE -> { }
            }
            return java.util.Optional.empty();
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            String where = loc == null ? path : path + ":" + loc.getLineNr();
            return java.util.Optional.of(Finding.error("MALFORMED_" + format.name(), path + " is not valid " + format.label() + ": "
                    + e.getOriginalMessage(), where, "send syntactically valid " + format.label()).withFix("make it valid " + format.label()));
        } catch (org.xml.sax.SAXParseException e) {
            return java.util.Optional.of(Finding.error("MALFORMED_XML", path + " is not well-formed XML: " + e.getMessage(),
                    path + ":" + e.getLineNumber(), "send well-formed XML").withFix("make it well-formed XML"));
        } catch (Exception e) {
            return java.util.Optional.of(Finding.error("MALFORMED_" + format.name(), path + " could not be parsed as "
                    + format.label() + ": " + e.getMessage(), path, "send valid " + format.label()).withFix("make it valid " + format.label()));
        }
    }
}
