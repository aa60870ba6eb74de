package dev.scenarist.packs.mechanisms.internal.scenefile;

/**
 * A minimal XML writer for MJCF: attributes appear in the order they are added, indentation is two spaces and lines
 * end in {@code \n} on every platform — the output is a function of the calls alone, which a DOM serializer does
 * not promise.
 */
final class XmlBuilder {
    private final StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    private int depth;
    private boolean tagOpen;

    XmlBuilder open(String element) {
        closePendingTag();
        indent().append('<').append(element);
        tagOpen = true;
        depth++;
        return this;
    }

    XmlBuilder attr(String name, String value) {
        if (!tagOpen) throw new IllegalStateException("attribute '" + name + "' outside a start tag");
        out.append(' ').append(name).append("=\"").append(escape(value)).append('"');
        return this;
    }

    XmlBuilder attr(String name, double... values) {
        return attr(name, Numbers.format(values));
    }

    XmlBuilder attr(String name, int value) {
        return attr(name, Integer.toString(value));
    }

    /** Closes the element opened last: {@code />} if it has no children, else an end tag on its own line. */
    XmlBuilder close(String element) {
        depth--;
        if (tagOpen) {
            out.append("/>\n");
            tagOpen = false;
        } else {
            indent().append("</").append(element).append(">\n");
        }
        return this;
    }

    @Override
    public String toString() {
        closePendingTag();
        return out.toString();
    }

    private void closePendingTag() {
        if (tagOpen) {
            out.append(">\n");
            tagOpen = false;
        }
    }

    private StringBuilder indent() {
        return out.append("  ".repeat(depth));
    }

    private static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
