package dev.scenarist.packs.mechanisms.scene;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a scenario asks, as predicates a simulation decides: the {@code subject} point (a body's centre of mass, a
 * geom's or a site's centre) must stay inside the goal zone for {@code holdSeconds} without a break, that hold
 * completing within {@code timeLimit} seconds, and must never enter a forbidden zone; the agent acts only through
 * {@code controls}, with a total effort (the time integral of |value| over every push, N·s) of at most
 * {@code effortBudget} when that is positive. Zones are the scene's zone markers, by geom name. A {@code planar} task
 * reads its zones as floor markers: only the subject's horizontal position counts, never its height. A task may also
 * let the agent {@link Design design}: add parts inside build zones, within a part budget; a design-only task has no
 * controls.
 *
 * <pre>{@code
 * Task.reach(Subject.body("agent_puck"), "zone_goal").hold(0.5).within(4).avoiding("zone_forbid")
 *         .control(Control.Push.atCenter("push_x", "agent_puck", Vec3.X, 5));
 * }</pre>
 */
public record Task(Subject subject, Objective objective, List<Control> controls, Design design) {
    public Task {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(objective, "objective");
        controls = List.copyOf(controls);
        design = design == null ? Design.none() : design;
        if (controls.isEmpty() && !design.allowsParts()) {
            throw new IllegalArgumentException("a task needs at least one control the agent may use, or a design (build zones)");
        }
        if (controls.stream().map(Control::name).distinct().count() != controls.size()) {
            throw new IllegalArgumentException("control names must be unique: " + controls.stream().map(Control::name).toList());
        }
    }

    /** The predicates: reach {@code goalZone} and stay {@code holdSeconds}, within {@code timeLimit}, avoiding zones. */
    public record Objective(String goalZone, double holdSeconds, double timeLimit, List<String> forbidZones,
                            double effortBudget, boolean planar) {
        public Objective {
            Preconditions.name("goal zone", goalZone);
            Preconditions.positive("hold seconds", holdSeconds);
            Preconditions.positive("time limit", timeLimit);
            if (holdSeconds >= timeLimit) {
                throw new IllegalArgumentException("hold " + holdSeconds + " s must be shorter than the time limit " + timeLimit + " s");
            }
            forbidZones = List.copyOf(forbidZones);
            forbidZones.forEach(z -> Preconditions.name("forbidden zone", z));
            Preconditions.nonNegative("effort budget", effortBudget);
        }
    }

    /** A task with controls only. */
    public Task(Subject subject, Objective objective, List<Control> controls) {
        this(subject, objective, controls, Design.none());
    }

    public String goalZone() {
        return objective.goalZone();
    }

    public double holdSeconds() {
        return objective.holdSeconds();
    }

    public double timeLimit() {
        return objective.timeLimit();
    }

    public List<String> forbidZones() {
        return objective.forbidZones();
    }

    public double effortBudget() {
        return objective.effortBudget();
    }

    public boolean planar() {
        return objective.planar();
    }

    /** The subject must reach {@code goalZone}; by default hold 0.5 s within 5 s, no forbidden zone, no control yet. */
    public static Builder reach(Subject subject, String goalZone) {
        return new Builder(subject, goalZone);
    }

    /** The point a task follows. */
    public record Subject(Kind kind, String name) {
        public enum Kind { BODY, GEOM, SITE }

        public Subject {
            Objects.requireNonNull(kind, "subject kind");
            Preconditions.name("subject", name);
        }

        /** The body's centre of mass. */
        public static Subject body(String name) {
            return new Subject(Kind.BODY, name);
        }

        /** The geom's centre. */
        public static Subject geom(String name) {
            return new Subject(Kind.GEOM, name);
        }

        public static Subject site(String name) {
            return new Subject(Kind.SITE, name);
        }
    }

    /** Builds a {@link Task} step by step; {@link #control} returns the task once at least one control is given. */
    public static final class Builder {
        private final Subject subject;
        private final String goal;
        private double hold = 0.5;
        private double limit = 5;
        private final List<String> forbid = new ArrayList<>();
        private double budget;
        private boolean planar;
        private Design design = Design.none();

        private Builder(Subject subject, String goal) {
            this.subject = subject;
            this.goal = goal;
        }

        public Builder hold(double seconds) {
            hold = seconds;
            return this;
        }

        public Builder within(double seconds) {
            limit = seconds;
            return this;
        }

        public Builder avoiding(String... zones) {
            forbid.addAll(List.of(zones));
            return this;
        }

        /** The largest total push effort allowed, N·s (0: no budget). */
        public Builder effortBudget(double newtonSeconds) {
            budget = newtonSeconds;
            return this;
        }

        /** The zones are floor markers: the subject is inside when its horizontal position is, whatever its height. */
        public Builder planar() {
            planar = true;
            return this;
        }

        /** What the agent may build besides driving the controls. */
        public Builder design(Design d) {
            design = d;
            return this;
        }

        /** The task, with these controls (none for a design-only task). */
        public Task control(Control... controls) {
            return new Task(subject, new Objective(goal, hold, limit, forbid, budget, planar), List.of(controls), design);
        }
    }
}
