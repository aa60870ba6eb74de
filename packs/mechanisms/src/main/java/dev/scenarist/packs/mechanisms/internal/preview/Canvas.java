package dev.scenarist.packs.mechanisms.internal.preview;

/** An image being drawn on: {@code width} × {@code height} pixels, row by row, as 0xRRGGBB. */
record Canvas(int[] pixels, int width, int height) {}
