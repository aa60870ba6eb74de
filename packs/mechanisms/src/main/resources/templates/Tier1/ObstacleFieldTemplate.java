import dev.scenarist.packs.mechanisms.scene.*;
import java.util.*;

/**
 * Tier 1 (static spatial): a walled field of static boxes and cylinders between a start zone (where the agent's puck
 * rests) and a goal zone, with a forbidden region in between.
 *
 * <p>Obstacles are placed by bounded rejection sampling on circular footprints, so none overlaps another, a wall, a
 * zone or the puck. After each placement a coarse grid search (cells the size of the puck, obstacles inflated by
 * the puck's radius) checks that a collision-free route from start to goal around the forbidden zone still exists;
 * an obstacle that would close the last route is dropped. Every variant is therefore solvable.
 */
public class ObstacleFieldTemplate implements Template {
    // scenarist:begin design
    /** Half the field's length, start to goal, metres at unit x scale (seed: +-0.1 around it). */
    static final double FIELD_HALF_LENGTH = 0.8;
    /** Obstacles wanted (seed: 2 fewer to 3 more), placed as far as they fit and leave a route (3 tries each). */
    static final double OBSTACLE_COUNT = 7.0;
    /** Share of the field's half width the forbidden region spans from its wall (seed: +-0.1 around it). */
    static final double FORBID_SPAN = 0.35;
    // scenarist:end design

    public ObstacleFieldTemplate() {}

    @Override
    public TemplateInfo info() {
        return new TemplateInfo("obstacle-field", 1, "Obstacle field navigation",
                "A puck (agent_puck) rests in zone_start at one end of a walled field scattered with fixed boxes and"
                        + " cylinders (obstacle_*); zone_goal is at the far end and a zone_forbid region lies in"
                        + " between. The agent must plan and execute a collision-free route that brings the puck into"
                        + " the goal without touching any obstacle or crossing the forbidden region; a route always"
                        + " exists. Learning objective: free-space reasoning with clearances (inflating obstacles by"
                        + " the moving body's size) and path planning on a randomized map.",
                new ScaleLimits(new AxisRange(0.5, 2.0), new AxisRange(0.5, 2.0), new AxisRange(0.5, 2.0)));
    }

    @Override
    public Scene build(long seed, Scale scale) {
        return compose(seed, scale, new Route());
    }

    /** The scene, and into {@code route} what the task needs: the final occupancy grid, start, goal, puck mass. */
    private static Scene compose(long seed, Scale scale, Route route) {
        Rng rng = new Rng(seed);
        double sx = scale.x();
        double sy = scale.y();
        double sz = scale.z();

        double fieldX = rng.uniform(FIELD_HALF_LENGTH - 0.1, FIELD_HALF_LENGTH + 0.1) * sx; // half-extent along x
        double fieldY = rng.uniform(0.4, 0.5) * sy;   // half-extent along y
        double wallT = 0.015;
        double wallH = 0.04 * sz;

        Scene scene = Scene.named("obstacle_field").timestep(0.002);
        scene.geom(Geom.plane("floor", 0, 0).material(Material.of("ground", Rgba.of(0.35, 0.35, 0.38))));
        Material wall = Material.of("wall", Rgba.of(0.5, 0.5, 0.55));
        scene.geom(Geom.box("wall_north", fieldX + 2 * wallT, wallT, wallH).at(0, fieldY + wallT, wallH).material(wall));
        scene.geom(Geom.box("wall_south", fieldX + 2 * wallT, wallT, wallH).at(0, -fieldY - wallT, wallH).material(wall));
        scene.geom(Geom.box("wall_east", wallT, fieldY, wallH).at(fieldX + wallT, 0, wallH).material(wall));
        scene.geom(Geom.box("wall_west", wallT, fieldY, wallH).at(-fieldX - wallT, 0, wallH).material(wall));

        // The puck: a flat cylinder resting on the floor in the start zone.
        double puckR = 0.035 * Math.min(sx, sy);
        double puckHalf = 0.015 * sz;
        double zoneHalf = puckR * 2;
        double startX = -fieldX + zoneHalf + 0.02;
        double startY = rng.uniform(-0.6, 0.6) * (fieldY - zoneHalf - 0.02);
        double goalX = fieldX - zoneHalf - 0.02;
        double goalY = rng.uniform(-0.6, 0.6) * (fieldY - zoneHalf - 0.02);
        scene.body("agent_puck").at(startX, startY, puckHalf + 0.0005)
                .joint(Joint.free("agent_puck_free"))
                .geom(Geom.cylinder("agent_puck", puckR, puckHalf).density(800).friction(0.5).rgba(Rgba.BLUE));
        scene.zone(Zone.START, Vec3.of(startX, startY, 0.005), Vec3.of(zoneHalf, zoneHalf, 0.005));
        scene.zone(Zone.GOAL, Vec3.of(goalX, goalY, 0.005), Vec3.of(zoneHalf, zoneHalf, 0.005));

        // The forbidden region: a rectangle across part of the middle, open at one end.
        double forbidHalfX = rng.uniform(0.08, 0.15) * sx;
        double forbidHalfY = rng.uniform(FORBID_SPAN - 0.1, FORBID_SPAN + 0.1) * fieldY;
        double forbidX = rng.uniform(-0.3, 0.3) * fieldX;
        double forbidY = (rng.chance(0.5) ? 1 : -1) * (fieldY - forbidHalfY);
        scene.zone(Zone.FORBID, Vec3.of(forbidX, forbidY, 0.005), Vec3.of(forbidHalfX, forbidHalfY, 0.005));

        // Keep-out discs (x, y, radius) that obstacles must not touch: the zones and the puck.
        List<double[]> taken = new ArrayList<>();
        taken.add(new double[] {startX, startY, zoneHalf * 1.5});
        taken.add(new double[] {goalX, goalY, zoneHalf * 1.5});
        Grid grid = new Grid(fieldX, fieldY, puckR);
        grid.block(forbidX, forbidY, forbidHalfX, forbidHalfY, puckR);
        Grid loose = grid.copyWithoutBlocks(); // the obstacles alone, as if zone_forbid were not there

        int count = (int) Math.round(OBSTACLE_COUNT);
        int wanted = rng.integer(Math.max(1, count - 2), count + 3);
        int placed = 0;
        Material obstacleColour = Material.of("obstacle", Rgba.of(0.8, 0.25, 0.2));
        for (int attempt = 0; placed < wanted && attempt < 3 * wanted; attempt++) {
            boolean box = rng.chance(0.5);
            double a = rng.uniform(0.03, 0.08) * sx;
            double b = rng.uniform(0.03, 0.08) * sy;
            double h = rng.uniform(0.03, 0.1) * sz;
            double yaw = rng.uniform(0, Math.PI);
            double footprint = box ? Math.hypot(a, b) : Math.min(a, b);
            double[] spot = freeSpot(rng, taken, fieldX - footprint - 0.01, fieldY - footprint - 0.01, footprint);
            if (spot == null) continue;
            Grid trial = grid.copy();
            trial.blockDisc(spot[0], spot[1], footprint + puckR);
            if (!trial.connected(startX, startY, goalX, goalY)) continue; // would close the last route
            grid = trial;
            loose.blockDisc(spot[0], spot[1], footprint + puckR);
            taken.add(new double[] {spot[0], spot[1], footprint});
            String name = PartLabel.OBSTACLE.named(Integer.toString(placed++));
            Geom g = box
                    ? Geom.box(name, a, b, h).oriented(Quat.axisAngle(Vec3.Z, yaw))
                    : Geom.cylinder(name, Math.min(a, b), h);
            scene.geom(g.at(spot[0], spot[1], h).material(obstacleColour));
        }
        route.grid = grid;
        route.start = Vec2.of(startX, startY);
        route.goal = Vec2.of(goalX, goalY);
        route.puckMass = 800 * Math.PI * puckR * puckR * 2 * puckHalf;
        route.loose = loose;
        route.forbid = loose.freeCellNearest(forbidX, forbidY, forbidHalfX, forbidHalfY);
        return scene;
    }

    // ---- the task: push the puck along the floor into zone_goal, never over zone_forbid ----

    static final double HOLD = 0.5;
    private static final double G = 9.81;

    /** What {@link #compose} leaves for the task. */
    private static final class Route {
        Grid grid;
        Vec2 start;
        Vec2 goal;
        double puckMass;
        /** The obstacles' grid without the forbidden region, and the free cell of that region nearest its middle. */
        Grid loose;
        Vec2 forbid;

        /** The route's cell centres from start to goal (a shortest 4-connected path on the grid), then the goal. */
        List<Vec2> waypoints() {
            return waypoints(grid, start, goal);
        }

        /** The cell centres of a shortest path on {@code g} from {@code a} to {@code b}, then {@code b}. */
        static List<Vec2> waypoints(Grid g, Vec2 a, Vec2 b) {
            List<int[]> cells = g.path(a.x(), a.y(), b.x(), b.y());
            List<Vec2> out = new ArrayList<>();
            out.add(a);
            for (int k = 1; k < cells.size() - 1; k++) out.add(Vec2.of(g.cx(cells.get(k)[0]), g.cy(cells.get(k)[1])));
            out.add(b);
            return out;
        }
    }

    private static Route route(long seed, Scale scale) {
        Route r = new Route();
        compose(seed, scale, r);
        return r;
    }

    /** The speed the reference's target moves at along the route, m/s. */
    private static double speed(Scale scale) {
        return 0.25 * Math.min(scale.x(), scale.y());
    }

    private static double length(List<Vec2> path) {
        double total = 0;
        for (int k = 1; k < path.size(); k++) total += Math.hypot(path.get(k).x() - path.get(k - 1).x(), path.get(k).y() - path.get(k - 1).y());
        return total;
    }

    @Override
    public Optional<Task> task(long seed, Scale scale) {
        Route r = route(seed, scale);
        double f = 20 * r.puckMass * G;
        double limit = Math.ceil(1.5 * length(r.waypoints()) / speed(scale) + 2 * HOLD + 2);
        return Optional.of(Task.reach(Task.Subject.body("agent_puck"), "zone_goal").hold(HOLD).within(limit).planar()
                .avoiding("zone_forbid")
                .control(Control.Push.atCenter("push_x", "agent_puck", Vec3.X, f), Control.Push.atCenter("push_y", "agent_puck", Vec3.Y, f)));
    }

    /**
     * Feedback on x and y towards a target that moves along the planned route at a steady speed (a new target every
     * 50 ms), so the puck follows the free cells instead of cutting corners; stiff enough that it lags by less than
     * the clearance the route keeps from every obstacle.
     */
    @Override
    public Optional<Solution> reference(long seed, Scale scale) {
        Route r = route(seed, scale);
        return Optional.of(follow(r.waypoints(), r.puckMass, scale));
    }

    /**
     * The shortcut: the same tracking along a route planned around the obstacles only, as if zone_forbid were paint
     * on the floor: through the forbidden region's free cell nearest its middle, then on to the goal.
     */
    @Override
    public Optional<Solution> wrong(long seed, Scale scale) {
        Route r = route(seed, scale);
        if (r.forbid == null) return Optional.empty(); // obstacles fill the forbidden region: no route runs through it
        List<Vec2> path = new ArrayList<>(Route.waypoints(r.loose, r.start, r.forbid));
        List<Vec2> on = Route.waypoints(r.loose, r.forbid, r.goal);
        path.addAll(on.subList(1, on.size()));
        return Optional.of(follow(path, r.puckMass, scale));
    }

    /** A target moving along {@code path} at {@link #speed}, a new one every 50 ms, tracked on x and y. */
    private static Solution follow(List<Vec2> path, double m, Scale scale) {
        double kp = 3000 * m;
        double kd = 2 * 0.9 * Math.sqrt(kp * m);
        double v = speed(scale);
        Solution.Builder b = Solution.builder();
        double t = 0;
        for (int k = 1; k < path.size(); k++) {
            Vec2 a = path.get(k - 1);
            Vec2 c = path.get(k);
            double d = Math.hypot(c.x() - a.x(), c.y() - a.y());
            int steps = Math.max(1, (int) Math.ceil(d / (v * 0.05)));
            for (int i = 1; i <= steps; i++) {
                double x = a.x() + (c.x() - a.x()) * i / steps;
                double y = a.y() + (c.y() - a.y()) * i / steps;
                b.hold(t, "push_x", x, kp, kd).hold(t, "push_y", y, kp, kd);
                t += d / steps / v;
            }
        }
        return b.build();
    }

    /** Bounded rejection sampling: the result depends on the seed alone. */
    private static double[] freeSpot(Rng rng, List<double[]> taken, double xHalf, double yHalf, double r) {
        if (xHalf <= 0 || yHalf <= 0) return null;
        for (int attempt = 0; attempt < 60; attempt++) {
            double x = rng.uniform(-xHalf, xHalf);
            double y = rng.uniform(-yHalf, yHalf);
            boolean clear = true;
            for (double[] t : taken) {
                if (Math.hypot(t[0] - x, t[1] - y) < t[2] + r + 0.03) {
                    clear = false;
                    break;
                }
            }
            if (clear) return new double[] {x, y};
        }
        return null;
    }

    /** Occupancy grid over the field for the route check; a cell is free when the puck's centre may be there. */
    private static final class Grid {
        final double fieldX;
        final double fieldY;
        final double cell;
        final int nx;
        final int ny;
        final boolean[][] blocked;

        Grid(double fieldX, double fieldY, double puckR) {
            this.fieldX = fieldX;
            this.fieldY = fieldY;
            this.cell = puckR;
            this.nx = Math.max(2, (int) Math.ceil(2 * fieldX / cell));
            this.ny = Math.max(2, (int) Math.ceil(2 * fieldY / cell));
            this.blocked = new boolean[nx][ny];
            for (int i = 0; i < nx; i++) {
                for (int j = 0; j < ny; j++) {
                    double x = cx(i);
                    double y = cy(j);
                    // the puck's centre must stay a radius away from the walls
                    blocked[i][j] = Math.abs(x) > fieldX - puckR || Math.abs(y) > fieldY - puckR;
                }
            }
        }

        private Grid(Grid o) {
            fieldX = o.fieldX;
            fieldY = o.fieldY;
            cell = o.cell;
            nx = o.nx;
            ny = o.ny;
            blocked = new boolean[nx][];
            for (int i = 0; i < nx; i++) blocked[i] = o.blocked[i].clone();
        }

        Grid copy() {
            return new Grid(this);
        }

        /** A grid of the same field with only the walls blocked. */
        Grid copyWithoutBlocks() {
            return new Grid(fieldX, fieldY, cell);
        }

        /** The centre of the free cell inside the rectangle nearest its middle; null when every cell there is blocked. */
        Vec2 freeCellNearest(double x, double y, double hx, double hy) {
            Vec2 best = null;
            double bestD = Double.POSITIVE_INFINITY;
            for (int i = 0; i < nx; i++) {
                for (int j = 0; j < ny; j++) {
                    double d = Math.hypot(cx(i) - x, cy(j) - y);
                    if (blocked[i][j] || Math.abs(cx(i) - x) > hx || Math.abs(cy(j) - y) > hy || d >= bestD) continue;
                    best = Vec2.of(cx(i), cy(j));
                    bestD = d;
                }
            }
            return best;
        }

        double cx(int i) {
            return -fieldX + (i + 0.5) * (2 * fieldX / nx);
        }

        double cy(int j) {
            return -fieldY + (j + 0.5) * (2 * fieldY / ny);
        }

        void block(double x, double y, double hx, double hy, double inflate) {
            for (int i = 0; i < nx; i++) {
                for (int j = 0; j < ny; j++) {
                    if (Math.abs(cx(i) - x) <= hx + inflate && Math.abs(cy(j) - y) <= hy + inflate) blocked[i][j] = true;
                }
            }
        }

        void blockDisc(double x, double y, double r) {
            for (int i = 0; i < nx; i++) {
                for (int j = 0; j < ny; j++) {
                    if (Math.hypot(cx(i) - x, cy(j) - y) <= r + cell) blocked[i][j] = true;
                }
            }
        }

        int ix(double x) {
            return Math.min(nx - 1, Math.max(0, (int) Math.floor((x + fieldX) / (2 * fieldX / nx))));
        }

        int iy(double y) {
            return Math.min(ny - 1, Math.max(0, (int) Math.floor((y + fieldY) / (2 * fieldY / ny))));
        }

        boolean connected(double x0, double y0, double x1, double y1) {
            return !path(x0, y0, x1, y1).isEmpty();
        }

        /** A shortest 4-connected path of free cells from the start's cell to the goal's, empty when there is none. */
        List<int[]> path(double x0, double y0, double x1, double y1) {
            int si = ix(x0);
            int sj = iy(y0);
            int gi = ix(x1);
            int gj = iy(y1);
            int[][][] parent = new int[nx][ny][];
            boolean[][] seen = new boolean[nx][ny];
            ArrayDeque<int[]> queue = new ArrayDeque<>();
            queue.add(new int[] {si, sj});
            seen[si][sj] = true;
            int[][] steps = {{1, 0}, {-1, 0}, {0, 1}, {0, -1}};
            while (!queue.isEmpty()) {
                int[] c = queue.poll();
                if (c[0] == gi && c[1] == gj) {
                    LinkedList<int[]> out = new LinkedList<>();
                    for (int[] p = c; p != null; p = parent[p[0]][p[1]]) out.addFirst(p);
                    return out;
                }
                for (int[] s : steps) {
                    int i = c[0] + s[0];
                    int j = c[1] + s[1];
                    if (i < 0 || j < 0 || i >= nx || j >= ny || seen[i][j] || blocked[i][j]) continue;
                    seen[i][j] = true;
                    parent[i][j] = c;
                    queue.add(new int[] {i, j});
                }
            }
            return List.of();
        }
    }

    @Override
    public String toString() {
        return info().id();
    }
}
