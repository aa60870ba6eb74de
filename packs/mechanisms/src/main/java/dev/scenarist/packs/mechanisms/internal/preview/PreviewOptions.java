package dev.scenarist.packs.mechanisms.internal.preview;

/**
 * Size and quality of a preview.
 *
 * @param width image width in pixels
 * @param height image height in pixels
 * @param supersampling each pixel is the mean of {@code supersampling²} samples (1 = no anti-aliasing)
 */
public record PreviewOptions(int width, int height, int supersampling) {
    public static final PreviewOptions DEFAULT = new PreviewOptions(640, 480, 2);
    /** Large enough for any use of a preview, small enough that the frame buffers always fit in memory. */
    public static final int MAX_SIDE = 4096;

    public PreviewOptions {
        if (width < 16 || height < 16 || width > MAX_SIDE || height > MAX_SIDE) {
            throw new IllegalArgumentException("preview size must be 16.." + MAX_SIDE + " pixels each way, got "
                    + width + "x" + height);
        }
        if (supersampling < 1 || supersampling > 4) {
            throw new IllegalArgumentException("supersampling must be 1..4, got " + supersampling);
        }
    }

    /** {@code width} × {@code height} with the default anti-aliasing. */
    public static PreviewOptions of(int width, int height) {
        return new PreviewOptions(width, height, DEFAULT.supersampling());
    }
}
