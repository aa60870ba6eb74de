package dev.scenarist.core.pack;

import java.util.Locale;

/** The declared format of an output file; the guardrail checks a reply's file parses as this. */
public enum FileFormat {
    JSON, YAML, XML, TEXT, CODE;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static FileFormat parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown file format '" + s + "'; expected one of json, yaml, xml, text, code");
        }
    }
}
