import dev.scenarist.packs.mechanisms.scene.*;
import java.util.*;

/**
 * Tier 1 (static spatial): a ball rests near the top of a wedge ramp, held by a low stop across the slope. When the
 * stop is removed the ball rolls down; the goal zone lies beyond the foot of the ramp, off the ball's straight line,
 * with an obstacle on the way.
 *
 * <p>Geometry: the ramp rises from its foot at x = 0 to its top at x = -run. Along-slope coordinates u (from the top
 * edge, downhill) and heights h (along the surface normal) place the ball and the stop, so both sit ON the slope
 * whatever its angle: the ball 0.5 mm above the surface and 0.5 mm uphill of the stop, the stop sunk 1 mm into the
 * (static) ramp, which never collides with it.
 */
public class RampReleaseTemplate implements Template {
    // scenarist:begin design
    /** The ramp's horizontal run, metres at unit x scale (seed: +-0.1 around it). */
    static final double RAMP_RUN = 0.6;
    /** The ramp's height, metres at unit z scale (seed: +-0.05 around it; the slope stays within 6 to 38 degrees). */
    static final double RAMP_RISE = 0.2;
    /** The ball's radius, metres at unit scale (seed: +-0.005 around it). */
    static final double BALL_RADIUS = 0.03;
    /** Sideways offset of the goal from the ball's straight path, metres at unit y scale (seed: +-0.075). */
    static final double GOAL_OFFSET = 0.325;
    // scenarist:end design

    public RampReleaseTemplate() {}

    @Override
    public TemplateInfo info() {
        return new TemplateInfo("ramp-release", 1, "Ramp release to an offset goal",
                "A ball rests near the top of an inclined ramp, held by a low stop. When the stop is removed the"
                        + " ball rolls down the slope; the goal zone lies on the floor beyond the ramp's foot but off"
                        + " the ball's straight path, and an obstacle stands between the foot and the goal. The agent"
                        + " must design and place static guide geometry (rails, a deflector or a chute) on the floor"
                        + " so that the released ball ends in zone_goal without entering zone_forbid. Learning"
                        + " objective: predict where a rolling body goes from slope angle and height, and shape its"
                        + " path with passive geometry.",
                new ScaleLimits(new AxisRange(0.5, 2.0), new AxisRange(0.5, 2.0), new AxisRange(0.5, 2.0)));
    }

    @Override
    public Scene build(long seed, Scale scale) {
        Rng rng = new Rng(seed);
        double sx = scale.x();
        double sy = scale.y();
        double sz = scale.z();

        double run = rng.uniform(RAMP_RUN - 0.1, RAMP_RUN + 0.1) * sx;
        // Keep the slope between about 6 and 38 degrees whatever the scale.
        double rise = Math.max(0.1 * run, Math.min(0.78 * run, rng.uniform(RAMP_RISE - 0.05, RAMP_RISE + 0.05) * sz));
        double halfWidth = rng.uniform(0.12, 0.18) * sy;
        double ballR = rng.uniform(BALL_RADIUS - 0.005, BALL_RADIUS + 0.005) * Math.min(Math.min(sx, sy), sz);
        ballR = Math.min(ballR, 0.5 * halfWidth);

        Scene scene = Scene.named("ramp_release").timestep(0.002);
        scene.geom(Geom.plane("floor", 0, 0).material(Material.of("ground", Rgba.of(0.35, 0.35, 0.38))));
        Material wood = Material.of("ramp_wood", Rgba.of(0.62, 0.47, 0.3));

        // Wedge in the xy plane (y as height), extruded along z and turned upright (+90 degrees about x: y -> z).
        List<Vec2> wedge = List.of(Vec2.of(-run, 0), Vec2.of(0, 0), Vec2.of(-run, rise));
        Mesh ramp = Mesh.of("ramp", Meshes.extrusion(wedge, 2 * halfWidth));
        scene.geom(Geom.mesh("ramp", ramp).oriented(Quat.axisAngle(Vec3.X, Math.PI / 2)).material(wood));

        double slope = StrictMath.atan2(rise, run);
        double cos = StrictMath.cos(slope);
        double sin = StrictMath.sin(slope);
        Vec3 top = Vec3.of(-run, 0, rise);
        Vec3 down = Vec3.of(cos, 0, -sin);   // along the surface, downhill
        Vec3 normal = Vec3.of(sin, 0, cos);  // out of the surface
        double length = Math.hypot(run, rise);

        double uBall = Math.max(1.5 * ballR, 0.06 * length);
        Vec3 ball = top.plus(down.times(uBall)).plus(normal.times(ballR + 0.0005));
        double stopHalfHeight = 0.65 * ballR;
        double stopHalfThick = 0.006 + 0.004 * sx;
        double uStopFace = uBall + ballR + 0.0005;
        Vec3 stopCenter = top.plus(down.times(uStopFace + stopHalfThick)).plus(normal.times(stopHalfHeight - 0.001));
        scene.geom(Geom.box("release_stop", stopHalfThick, halfWidth, stopHalfHeight).at(stopCenter)
                .oriented(Quat.axisAngle(Vec3.Y, slope)).rgba(Rgba.of(0.9, 0.75, 0.2, 1)));

        scene.body("ball").at(ball)
                .joint(Joint.free("ball_free"))
                .geom(Geom.sphere("ball", ballR).density(rng.uniform(800, 2500)).friction(0.8).rgba(Rgba.BLUE));
        scene.zone(Zone.START, ball, Vec3.of(ballR * 1.6, ballR * 1.6, ballR * 1.6));

        // Goal beyond the foot, off to one side; an obstacle on the straight line between them.
        double side = rng.chance(0.5) ? 1 : -1;
        double goalX = rng.uniform(0.45, 0.7) * sx;
        double goalY = side * rng.uniform(GOAL_OFFSET - 0.075, GOAL_OFFSET + 0.075) * sy;
        double goalHalf = 0.06 * Math.min(sx, sy);
        scene.zone(Zone.GOAL, Vec3.of(goalX, goalY, 0.01), Vec3.of(goalHalf, goalHalf, 0.01));
        scene.zone(Zone.FORBID, Vec3.of(goalX, -side * 0.35 * sy, 0.01), Vec3.of(0.12 * sx, 0.08 * sy, 0.01));

        double obstacleHalf = rng.uniform(0.025, 0.04) * Math.min(sx, sy);
        double obstacleHeight = rng.uniform(0.03, 0.06) * sz;
        double obstacleX = rng.uniform(0.2, 0.3) * sx;
        scene.geom(Geom.box(PartLabel.OBSTACLE.named("0"), obstacleHalf, obstacleHalf, obstacleHeight)
                .at(obstacleX, rng.uniform(-0.3, 0.3) * halfWidth, obstacleHeight).rgba(Rgba.RED));
        return scene;
    }

    // ---- the task: carry the ball from the ramp into zone_goal with a bounded three-axis push ----

    static final double HOLD = 0.5;
    static final double TIME_LIMIT = 5.0;
    private static final double G = 9.81;

    /** The draws the task needs, in {@link #build}'s order. */
    private record Layout(double rise, double ballR, double ballMass, Vec3 ball, double goalX, double goalY, double obstacleTop) {
        /** Above the ramp's top, its stop and the obstacle, with room to spare. */
        double safeZ() {
            return Math.max(rise, obstacleTop) + 3 * ballR + 0.03;
        }

        double maxForce() {
            return 3 * ballMass * G;
        }
    }

    private static Layout layout(long seed, Scale scale) {
        Rng rng = new Rng(seed);
        double sx = scale.x(), sy = scale.y(), sz = scale.z();
        double run = rng.uniform(RAMP_RUN - 0.1, RAMP_RUN + 0.1) * sx;
        double rise = Math.max(0.1 * run, Math.min(0.78 * run, rng.uniform(RAMP_RISE - 0.05, RAMP_RISE + 0.05) * sz));
        double halfWidth = rng.uniform(0.12, 0.18) * sy;
        double ballR = Math.min(rng.uniform(BALL_RADIUS - 0.005, BALL_RADIUS + 0.005) * Math.min(Math.min(sx, sy), sz), 0.5 * halfWidth);
        double slope = StrictMath.atan2(rise, run);
        double length = Math.hypot(run, rise);
        double uBall = Math.max(1.5 * ballR, 0.06 * length);
        Vec3 ball = Vec3.of(-run, 0, rise).plus(Vec3.of(StrictMath.cos(slope), 0, -StrictMath.sin(slope)).times(uBall))
                .plus(Vec3.of(StrictMath.sin(slope), 0, StrictMath.cos(slope)).times(ballR + 0.0005));
        double mass = rng.uniform(800, 2500) * 4.0 / 3 * Math.PI * ballR * ballR * ballR;
        double side = rng.chance(0.5) ? 1 : -1;
        double goalX = rng.uniform(0.45, 0.7) * sx;
        double goalY = side * rng.uniform(GOAL_OFFSET - 0.075, GOAL_OFFSET + 0.075) * sy;
        rng.uniform(0, 1);                                             // obstacle half size
        double obstacleHeight = rng.uniform(0.03, 0.06) * sz;
        return new Layout(rise, ballR, mass, ball, goalX, goalY, 2 * obstacleHeight);
    }

    @Override
    public Optional<Task> task(long seed, Scale scale) {
        Layout l = layout(seed, scale);
        double f = l.maxForce();
        return Optional.of(Task.reach(Task.Subject.body("ball"), "zone_goal").hold(HOLD).within(TIME_LIMIT).planar()
                .avoiding("zone_forbid")
                .control(Control.Push.atCenter("push_x", "ball", Vec3.X, f), Control.Push.atCenter("push_y", "ball", Vec3.Y, f),
                        Control.Push.atCenter("push_z", "ball", Vec3.Z, f)));
    }

    /**
     * Feedback on all three axes: lift the ball clear of the stop, carry it over the obstacle to above the goal, and
     * set it down there. Each height target is offset by the weight over kp, so the ball does not sag.
     */
    @Override
    public Optional<Solution> reference(long seed, Scale scale) {
        Layout l = layout(seed, scale);
        double m = l.ballMass();
        double kp = 200 * m;
        double kd = 2 * 0.9 * Math.sqrt(kp * m);
        double lift = m * G / kp;
        return Optional.of(Solution.builder()
                .hold(0, "push_x", l.ball().x(), kp, kd).hold(0, "push_y", 0, kp, kd).hold(0, "push_z", l.safeZ() + lift, kp, kd)
                .hold(0.8, "push_x", l.goalX(), kp, kd).hold(0.8, "push_y", l.goalY(), kp, kd)
                .hold(2.3, "push_z", 0.5 * l.ballR() + lift, kp, kd)
                .build());
    }

    /** A nudge over the stop: the ball rolls straight down, and the goal is off its straight path. */
    @Override
    public Optional<Solution> wrong(long seed, Scale scale) {
        Layout l = layout(seed, scale);
        return Optional.of(Solution.builder().hold(0, "push_z", l.ball().z() + 2 * l.ballR(), 200 * l.ballMass(), 20 * l.ballMass())
                .set(0, "push_x", l.ballMass() * G).set(0.4, "push_x", 0).set(0.4, "push_z", 0).build());
    }

    @Override
    public String toString() {
        return info().id();
    }
}
