package dev.scenarist.packs.mechanisms.internal.preview;

import java.awt.image.BufferedImage;
import java.util.function.Predicate;

/** Reading rendered images in tests: pixel colours, counts, differences. */
final class Pixels {
    private Pixels() {}

    /** One pixel's channels, 0..255. */
    record Rgb(int r, int g, int b) {
        static Rgb of(int packed) {
            return new Rgb((packed >> 16) & 0xFF, (packed >> 8) & 0xFF, packed & 0xFF);
        }

        int brightness() {
            return r + g + b;
        }

        int distance(Rgb o) {
            return Math.abs(r - o.r) + Math.abs(g - o.g) + Math.abs(b - o.b);
        }
    }

    static Rgb at(BufferedImage image, double x, double y) {
        return Rgb.of(image.getRGB((int) Math.floor(x), (int) Math.floor(y)));
    }

    static Rgb at(BufferedImage image, double[] xy) {
        return at(image, xy[0], xy[1]);
    }

    static int count(BufferedImage image, Predicate<Rgb> test) {
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (test.test(Rgb.of(image.getRGB(x, y)))) n++;
            }
        }
        return n;
    }

    /** Fraction of pixels whose colours differ by more than {@code tolerance} (sum over channels). */
    static double differing(BufferedImage a, BufferedImage b, int tolerance) {
        int n = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                if (Rgb.of(a.getRGB(x, y)).distance(Rgb.of(b.getRGB(x, y))) > tolerance) n++;
            }
        }
        return (double) n / (a.getWidth() * a.getHeight());
    }
}
