package dev.scenarist.packs.mechanisms.internal.preview;

import java.util.Map;

/**
 * A 5×7 bitmap font (capitals, digits, a little punctuation) drawn straight into pixels. The legend uses it instead
 * of Java2D text because system fonts differ between machines (and a headless machine may have none): with this
 * font the same scene gives the same PNG bytes everywhere.
 */
final class PixelFont {
    static final int GLYPH_WIDTH = 5;
    static final int GLYPH_HEIGHT = 7;
    /** Blank columns between letters. */
    static final int SPACING = 1;

    private static final Map<Character, String[]> GLYPHS = Map.ofEntries(
            glyph('A', ".###.", "#...#", "#...#", "#####", "#...#", "#...#", "#...#"),
            glyph('B', "####.", "#...#", "#...#", "####.", "#...#", "#...#", "####."),
            glyph('C', ".###.", "#...#", "#....", "#....", "#....", "#...#", ".###."),
            glyph('D', "####.", "#...#", "#...#", "#...#", "#...#", "#...#", "####."),
            glyph('E', "#####", "#....", "#....", "####.", "#....", "#....", "#####"),
            glyph('F', "#####", "#....", "#....", "####.", "#....", "#....", "#...."),
            glyph('G', ".###.", "#...#", "#....", "#.###", "#...#", "#...#", ".####"),
            glyph('H', "#...#", "#...#", "#...#", "#####", "#...#", "#...#", "#...#"),
            glyph('I', ".###.", "..#..", "..#..", "..#..", "..#..", "..#..", ".###."),
            glyph('J', "..###", "...#.", "...#.", "...#.", "...#.", "#..#.", ".##.."),
            glyph('K', "#...#", "#..#.", "#.#..", "##...", "#.#..", "#..#.", "#...#"),
            glyph('L', "#....", "#....", "#....", "#....", "#....", "#....", "#####"),
            glyph('M', "#...#", "##.##", "#.#.#", "#.#.#", "#...#", "#...#", "#...#"),
            glyph('N', "#...#", "#...#", "##..#", "#.#.#", "#..##", "#...#", "#...#"),
            glyph('O', ".###.", "#...#", "#...#", "#...#", "#...#", "#...#", ".###."),
            glyph('P', "####.", "#...#", "#...#", "####.", "#....", "#....", "#...."),
            glyph('Q', ".###.", "#...#", "#...#", "#...#", "#.#.#", "#..#.", ".##.#"),
            glyph('R', "####.", "#...#", "#...#", "####.", "#.#..", "#..#.", "#...#"),
            glyph('S', ".####", "#....", "#....", ".###.", "....#", "....#", "####."),
            glyph('T', "#####", "..#..", "..#..", "..#..", "..#..", "..#..", "..#.."),
            glyph('U', "#...#", "#...#", "#...#", "#...#", "#...#", "#...#", ".###."),
            glyph('V', "#...#", "#...#", "#...#", "#...#", "#...#", ".#.#.", "..#.."),
            glyph('W', "#...#", "#...#", "#...#", "#.#.#", "#.#.#", "#.#.#", ".#.#."),
            glyph('X', "#...#", "#...#", ".#.#.", "..#..", ".#.#.", "#...#", "#...#"),
            glyph('Y', "#...#", "#...#", ".#.#.", "..#..", "..#..", "..#..", "..#.."),
            glyph('Z', "#####", "....#", "...#.", "..#..", ".#...", "#....", "#####"),
            glyph('0', ".###.", "#...#", "#..##", "#.#.#", "##..#", "#...#", ".###."),
            glyph('1', "..#..", ".##..", "..#..", "..#..", "..#..", "..#..", ".###."),
            glyph('2', ".###.", "#...#", "....#", "...#.", "..#..", ".#...", "#####"),
            glyph('3', "#####", "...#.", "..#..", "...#.", "....#", "#...#", ".###."),
            glyph('4', "...#.", "..##.", ".#.#.", "#..#.", "#####", "...#.", "...#."),
            glyph('5', "#####", "#....", "####.", "....#", "....#", "#...#", ".###."),
            glyph('6', "..##.", ".#...", "#....", "####.", "#...#", "#...#", ".###."),
            glyph('7', "#####", "....#", "...#.", "..#..", ".#...", ".#...", ".#..."),
            glyph('8', ".###.", "#...#", "#...#", ".###.", "#...#", "#...#", ".###."),
            glyph('9', ".###.", "#...#", "#...#", ".####", "....#", "...#.", ".##.."),
            glyph('-', ".....", ".....", ".....", "#####", ".....", ".....", "....."),
            glyph('_', ".....", ".....", ".....", ".....", ".....", ".....", "#####"),
            glyph('.', ".....", ".....", ".....", ".....", ".....", ".##..", ".##.."));

    private PixelFont() {}

    private static Map.Entry<Character, String[]> glyph(char c, String... rows) {
        return Map.entry(c, rows);
    }

    /** Width in pixels of {@code text} drawn at {@code scale}. */
    static int width(String text, int scale) {
        return text.isEmpty() ? 0 : (text.length() * (GLYPH_WIDTH + SPACING) - SPACING) * scale;
    }

    /**
     * Draws {@code text} with its top-left corner at ({@code x}, {@code y}), each font pixel a {@code scale}-wide
     * square. Lower case is drawn as capitals; characters without a glyph as blanks.
     */
    static void draw(Canvas canvas, String text, int x, int y, int scale, int colour) {
        for (int i = 0; i < text.length(); i++) {
            String[] rows = GLYPHS.get(Character.toUpperCase(text.charAt(i)));
            int left = x + i * (GLYPH_WIDTH + SPACING) * scale;
            if (rows == null) {
                continue;
            }
            for (int row = 0; row < GLYPH_HEIGHT; row++) {
                for (int col = 0; col < GLYPH_WIDTH; col++) {
                    if (rows[row].charAt(col) == '#') {
                        fill(canvas, left + col * scale, y + row * scale, scale, scale, colour);
                    }
                }
            }
        }
    }

    /** An opaque rectangle, clipped to the image. */
    static void fill(Canvas canvas, int x, int y, int w, int h, int colour) {
        int[] pixels = canvas.pixels();
        int width = canvas.width();
        int height = canvas.height();
        for (int py = Math.max(0, y); py < Math.min(height, y + h); py++) {
            for (int px = Math.max(0, x); px < Math.min(width, x + w); px++) {
                pixels[py * width + px] = colour;
            }
        }
    }
}
