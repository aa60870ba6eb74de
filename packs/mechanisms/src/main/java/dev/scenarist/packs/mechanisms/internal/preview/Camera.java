package dev.scenarist.packs.mechanisms.internal.preview;

import dev.scenarist.packs.mechanisms.scene.Vec3;

/**
 * An orthographic camera looking down on the scene from the front right at a fixed three-quarter angle, framed so
 * that given points fill the image with a margin. Orthographic because a preview compares sizes: parallel edges
 * stay parallel, and nothing can come too near the lens. World z is up; image y grows downwards.
 */
final class Camera {
    /** Compass direction of the viewer seen from the scene, from +x towards +y. */
    static final double AZIMUTH_DEGREES = -60;
    static final double ELEVATION_DEGREES = 35;
    /** Unit vector from the scene towards the viewer. */
    static final Vec3 TOWARD_VIEWER = direction(AZIMUTH_DEGREES, ELEVATION_DEGREES);
    /** Fraction of the image left empty on each side. */
    static final double MARGIN = 0.07;

    private final Vec3 right;
    private final Vec3 up;
    private final Vec3 forward;
    /** Pixels per metre. */
    private final double scale;
    /** Image coordinates of the world origin's projection. */
    private final double originX;
    private final double originY;

    private Camera(Vec3 right, Vec3 up, Vec3 forward, double scale, double originX, double originY) {
        this.right = right;
        this.up = up;
        this.forward = forward;
        this.scale = scale;
        this.originX = originX;
        this.originY = originY;
    }

    private static Vec3 direction(double azimuthDegrees, double elevationDegrees) {
        double az = Math.toRadians(azimuthDegrees);
        double el = Math.toRadians(elevationDegrees);
        return new Vec3(StrictMath.cos(el) * StrictMath.cos(az), StrictMath.cos(el) * StrictMath.sin(az),
                StrictMath.sin(el));
    }

    /** The camera that shows {@code points} all, centred, in a {@code width} × {@code height} image. */
    static Camera framing(Iterable<Vec3> points, int width, int height) {
        Vec3 forward = TOWARD_VIEWER.times(-1);
        Vec3 right = forward.cross(Vec3.Z).normalized();
        Vec3 up = right.cross(forward);
        double minU = Double.POSITIVE_INFINITY;
        double maxU = Double.NEGATIVE_INFINITY;
        double minV = Double.POSITIVE_INFINITY;
        double maxV = Double.NEGATIVE_INFINITY;
        for (Vec3 c : points) {
            double u = c.dot(right);
            double v = c.dot(up);
            minU = Math.min(minU, u);
            maxU = Math.max(maxU, u);
            minV = Math.min(minV, v);
            maxV = Math.max(maxV, v);
        }
        double usableW = width * (1 - 2 * MARGIN);
        double usableH = height * (1 - 2 * MARGIN);
        if (minU > maxU) { // nothing to frame
            minU = maxU = minV = maxV = 0;
        }
        // a scene that is a single point, or a line seen end-on, still gets a finite zoom (a millimetre fills it)
        double scale = Math.min(usableW / Math.max(maxU - minU, 1e-3), usableH / Math.max(maxV - minV, 1e-3));
        double originX = width / 2.0 - scale * (minU + maxU) / 2;
        double originY = height / 2.0 + scale * (minV + maxV) / 2;
        return new Camera(right, up, forward, scale, originX, originY);
    }

    /** The same view in an image {@code factor} times larger each way (for supersampling). */
    Camera scaled(int factor) {
        return new Camera(right, up, forward, scale * factor, originX * factor, originY * factor);
    }

    /** Image x of world point {@code (x, y, z)}, in pixels (pixel centres at .5). */
    double x(double x, double y, double z) {
        return originX + scale * (x * right.x() + y * right.y() + z * right.z());
    }

    /** Image y, growing downwards. */
    double y(double x, double y, double z) {
        return originY - scale * (x * up.x() + y * up.y() + z * up.z());
    }

    /** Distance along the view direction: larger is farther from the viewer. */
    double depth(double x, double y, double z) {
        return x * forward.x() + y * forward.y() + z * forward.z();
    }

    /** Image position of {@code p}: {x, y} in pixels. */
    double[] project(Vec3 p) {
        return new double[] {x(p.x(), p.y(), p.z()), y(p.x(), p.y(), p.z())};
    }

    /** The direction the camera looks in. */
    Vec3 forward() {
        return forward;
    }
}
