package dev.scenarist.packs.appworld.internal.check;

import java.util.List;

/**
 * Which agent tools only read. ARE's tool names say it ({@code get_}, {@code list_}, {@code search}, {@code read_});
 * the system and agent-user-interface tools never change app data (a proposal is governed by its own rule).
 */
public final class ToolKinds {
    private static final List<String> READ_PREFIXES = List.of("get_", "list_", "search", "read_");

    private ToolKinds() {}

    public static boolean isWrite(String qualifiedName) {
        int sep = qualifiedName.indexOf("__");
        if (sep < 0) return false;
        String app = qualifiedName.substring(0, sep);
        String tool = qualifiedName.substring(sep + 2);
        if (app.equals("SystemApp") || app.equals("AgentUserInterface")) return false;
        return READ_PREFIXES.stream().noneMatch(tool::startsWith);
    }
}
