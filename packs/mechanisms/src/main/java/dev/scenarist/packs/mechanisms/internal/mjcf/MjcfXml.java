package dev.scenarist.packs.mechanisms.internal.mjcf;

import java.io.StringReader;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Parses MJCF text into {@link MjcfNode}s with the line each element starts on. Generated XML is untrusted: the
 * JDK's own StAX parser runs with DTDs and external entities disabled, and a DOCTYPE is rejected outright.
 */
final class MjcfXml {

    /** The text is not well-formed XML, or uses a feature MJCF files must not use. */
    static final class ParseException extends Exception {
        final int line;

        ParseException(String message, int line) {
            super(message);
            this.line = line;
        }
    }

    /** Element text that is not whitespace (MuJoCo ignores it); reported by the validator as a warning. */
    record StrayText(MjcfNode element, String text) {}

    private static final XMLInputFactory FACTORY = factory();

    private static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, true);
        return f;
    }

    private MjcfXml() {}

    /**
     * @param text the document; line ends are normalised first so that offsets and lines agree
     * @param file the file name findings should show
     * @param strayText collects non-whitespace element text
     */
    static MjcfNode parse(String text, String file, java.util.List<StrayText> strayText) throws ParseException {
        String doc = text.replace("\r\n", "\n").replace('\r', '\n');
        if (!doc.isEmpty() && doc.charAt(0) == '\uFEFF') {
            doc = doc.substring(1);
        }
        int[] lineStarts = lineStarts(doc);
        MjcfNode root = null;
        MjcfNode current = null;
        XMLStreamReader r = null;
        try {
            synchronized (FACTORY) {
                r = FACTORY.createXMLStreamReader(new StringReader(doc));
            }
            while (r.hasNext()) {
                int event = r.next();
                switch (event) {
                    case XMLStreamConstants.DTD -> throw new ParseException(
                            "DOCTYPE declarations are not allowed in MJCF (no DTDs, no entities)", lineOf(r));
                    case XMLStreamConstants.ENTITY_REFERENCE -> throw new ParseException(
                            "entity reference '&" + r.getLocalName() + ";' is not allowed in MJCF", lineOf(r));
                    case XMLStreamConstants.START_ELEMENT -> {
                        Map<String, String> attrs = new LinkedHashMap<>();
                        for (int i = 0; i < r.getAttributeCount(); i++) {
                            attrs.put(qualified(r.getAttributePrefix(i), r.getAttributeLocalName(i)), r.getAttributeValue(i));
                        }
                        int line = startLine(doc, lineStarts, r.getLocation());
                        MjcfNode node = new MjcfNode(qualified(r.getPrefix(), r.getLocalName()), attrs, file, line);
                        if (current == null) {
                            root = node;
                        } else {
                            current.add(node);
                        }
                        current = node;
                    }
                    case XMLStreamConstants.END_ELEMENT -> current = current == null ? null : current.parent;
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
                        if (current != null && !r.isWhiteSpace() && !r.getText().isBlank()) {
                            strayText.add(new StrayText(current, r.getText().strip()));
                        }
                    }
                    default -> { }
                }
            }
        } catch (XMLStreamException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNumber();
            throw new ParseException("malformed XML: " + cleanMessage(e.getMessage()), Math.max(line, 0));
        } finally {
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException ignored) {
                    // nothing left to release
                }
            }
        }
        if (root == null) {
            throw new ParseException("no root element: the file is empty or holds no XML element", 1);
        }
        return root;
    }

    private static String qualified(String prefix, String local) {
        return prefix == null || prefix.isEmpty() ? local : prefix + ":" + local;
    }

    /** The JDK's messages start with "ParseError at [row,col]:[r,c]\nMessage: "; keep the message. */
    private static String cleanMessage(String m) {
        if (m == null) {
            return "unreadable XML";
        }
        int i = m.indexOf("Message: ");
        return (i >= 0 ? m.substring(i + "Message: ".length()) : m).strip();
    }

    private static int[] lineStarts(String doc) {
        int[] starts = new int[16];
        int n = 0;
        starts[n++] = 0;
        for (int i = 0; i < doc.length(); i++) {
            if (doc.charAt(i) == '\n') {
                if (n == starts.length) {
                    starts = Arrays.copyOf(starts, n * 2);
                }
                starts[n++] = i + 1;
            }
        }
        return Arrays.copyOf(starts, n);
    }

    private static int lineAt(int[] lineStarts, int offset) {
        int i = Arrays.binarySearch(lineStarts, offset);
        return (i >= 0 ? i : -i - 2) + 1;
    }

    private static int lineOf(XMLStreamReader r) {
        return Math.max(1, r.getLocation().getLineNumber());
    }

    /**
     * StAX reports the line and column just after a start tag's {@code >}; MuJoCo (tinyxml2) reports the line of
     * its {@code <}. Attribute values cannot hold a raw {@code <}, so the last {@code <} before the end is the start.
     * (The JDK's character offsets drift on self-closing tags; its line and column do not.)
     */
    private static int startLine(String doc, int[] lineStarts, Location end) {
        int line = Math.max(1, end.getLineNumber());
        int offset = line - 1 < lineStarts.length
                ? Math.min(doc.length(), lineStarts[line - 1] + Math.max(0, end.getColumnNumber() - 1))
                : doc.length();
        int lt = doc.lastIndexOf('<', Math.max(0, offset - 1));
        return lineAt(lineStarts, lt < 0 ? offset : lt);
    }
}
