package dev.scenarist.packs.mechanisms.internal.preview;

import dev.scenarist.packs.mechanisms.scene.Control;
import dev.scenarist.packs.mechanisms.scene.PartLabel;
import dev.scenarist.packs.mechanisms.scene.Task;
import dev.scenarist.packs.mechanisms.scene.Vec3;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a preview shows of a scenario's task: the parts the camera frames (the subject, every zone, the agent's parts
 * and the bodies it pushes) and the arrow from where the subject starts to the goal zone's centre. Without a task,
 * the whole scene is framed and no arrow is drawn.
 */
final class TaskMarks {
    /** No task: nothing is singled out. */
    static final TaskMarks NONE = new TaskMarks(null, Set.of(), Optional.empty());

    private final Task.Subject subject;
    /** Bodies the task's push controls act on: part of what the agent works with. */
    private final Set<String> pushed;
    private final Optional<Arrow> arrow;

    /** The task's arrow in world coordinates: from the subject's start to the goal zone's centre. */
    record Arrow(Vec3 from, Vec3 to) {}

    private TaskMarks(Task.Subject subject, Set<String> pushed, Optional<Arrow> arrow) {
        this.subject = subject;
        this.pushed = Set.copyOf(pushed);
        this.arrow = arrow;
    }

    static TaskMarks of(PreviewScene scene, Task task) {
        Set<String> pushed = new HashSet<>();
        for (Control c : task.controls()) {
            if (c instanceof Control.Push p) {
                pushed.add(p.body());
            }
        }
        Optional<Vec3> start = start(scene, task.subject());
        Optional<Vec3> goal = scene.parts().stream().filter(p -> p.name().equals(task.goalZone())).findFirst()
                .map(p -> p.pose().position());
        Optional<Arrow> arrow = start.isPresent() && goal.isPresent()
                ? Optional.of(new Arrow(start.get(), goal.get())) : Optional.empty();
        return new TaskMarks(task.subject(), pushed, arrow);
    }

    /**
     * Where the subject is at t = 0: a geom's or a site's centre, or the mean of a body's geom centres (the preview
     * reads no inertia; for the one-geom bodies tasks follow it is their centre of mass).
     */
    private static Optional<Vec3> start(PreviewScene scene, Task.Subject subject) {
        return switch (subject.kind()) {
            case SITE -> Optional.ofNullable(scene.sites().get(subject.name()));
            case GEOM -> scene.parts().stream().filter(p -> p.name().equals(subject.name())).findFirst()
                    .map(p -> p.pose().position());
            case BODY -> {
                List<Vec3> centres = new ArrayList<>();
                scene.parts().stream().filter(p -> p.body().equals(subject.name()))
                        .forEach(p -> centres.add(p.pose().position()));
                yield centres.isEmpty() ? Optional.empty()
                        : Optional.of(centres.stream().reduce(Vec3.ZERO, Vec3::plus).times(1.0 / centres.size()));
            }
        };
    }

    /** Whether the camera should keep {@code p} in view. */
    boolean inFocus(Part p) {
        if (subject == null) {
            return true;
        }
        if (p.label().isZone() || p.label() == PartLabel.AGENT || pushed.contains(p.body())) {
            return true;
        }
        return switch (subject.kind()) {
            case GEOM -> p.name().equals(subject.name());
            case BODY -> p.body().equals(subject.name());
            case SITE -> false; // a site draws nothing: its point is the arrow's start, kept in view by framed()
        };
    }

    Optional<Arrow> arrow() {
        return arrow;
    }

    /** Points the camera must show besides the parts in focus: the arrow's ends. */
    List<Vec3> framed() {
        return arrow.map(a -> List.of(a.from(), a.to())).orElse(List.of());
    }
}
