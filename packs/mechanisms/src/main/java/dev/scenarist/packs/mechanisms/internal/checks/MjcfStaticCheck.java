package dev.scenarist.packs.mechanisms.internal.checks;

import dev.scenarist.core.model.CheckResult;
import dev.scenarist.core.model.Finding;
import dev.scenarist.core.pack.Check;
import dev.scenarist.core.pack.CheckContext;
import dev.scenarist.packs.mechanisms.internal.mjcf.MjcfValidator;
import java.util.ArrayList;
import java.util.List;

/** Strict static MJCF validation of every scene file (MuJoCo's own schema, references, sizes, masses, mesh files). */
public final class MjcfStaticCheck implements Check {
    private final MjcfValidator validator;
    private final ScenePlace place;

    /** Reads only inside the scenario's folder. */
    public MjcfStaticCheck() {
        this(List.of());
    }

    /** Also reads includes and assets from {@code allowedReads}, folders a person explicitly allowed. */
    public MjcfStaticCheck(List<java.nio.file.Path> allowedReads) {
        this(allowedReads, java.util.Optional.empty());
    }

    /**
     * Also reads the scenes where they lie, in {@code origin} (the folder the person named), so that their
     * {@code ../} includes and assets resolve as MuJoCo resolves them.
     */
    public MjcfStaticCheck(List<java.nio.file.Path> allowedReads, java.util.Optional<java.nio.file.Path> origin) {
        this.validator = new MjcfValidator(allowedReads);
        this.place = new ScenePlace(origin);
    }

    @Override
    public String name() {
        return "mjcf-static";
    }

    @Override
    public int tier() {
        return TIER_PARSE;
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        List<String> scenes = SceneFiles.of(ctx);
        if (scenes.isEmpty()) return CheckResult.failed(Finding.error("NO_SCENE", "no MJCF scene file (.xml) found", "", "write scene_<seed>.xml"));
        List<Finding> all = new ArrayList<>();
        for (String s : scenes) all.addAll(validator.validate(place.file(ctx, s)));
        return CheckResult.of(all);
    }
}
