package dev.scenarist.packs.appworld.internal.offline;

import dev.scenarist.core.author.Author;
import dev.scenarist.core.author.AuthorReply;
import dev.scenarist.core.author.AuthorRequest;
import dev.scenarist.core.author.PermanentAuthorException;
import dev.scenarist.core.model.Usage;
import dev.scenarist.packs.appworld.internal.pack.SectionFiles;
import dev.scenarist.packs.appworld.scenario.Scenario;
import dev.scenarist.packs.appworld.scenario.Section;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * The offline author: no model, the families. For a run's family (its parameters) and seed it generates the whole
 * scenario and answers each of the four steps with that step's section file — PARE's steps, written by a generator
 * whose scenarios its tests prove valid, discriminative and distinct.
 */
public final class FamilyAuthor implements Author {
    public static final String FAMILY_PARAMETER = "family";

    @Override
    public String id() {
        return "offline";
    }

    @Override
    public AuthorReply reply(AuthorRequest request) throws PermanentAuthorException {
        Object familyId = request.parameters().get(FAMILY_PARAMETER);
        Family family = Families.byId(String.valueOf(familyId))
                .orElseThrow(() -> new PermanentAuthorException("the offline appworld author has no family '" + familyId + "'"));
        Section section = section(request.stage());
        Scenario scenario = family.generate(request.seed());
        String file = SectionFiles.file(section);
        String content = SectionFiles.split(scenario).get(section);
        return new AuthorReply("<file path=\"" + file + "\">\n" + content + "</file>\n", Usage.ZERO, "offline", Duration.ZERO);
    }

    private static Section section(String stage) throws PermanentAuthorException {
        for (Section s : Section.values()) if (s.name().toLowerCase(Locale.ROOT).equals(stage)) return s;
        throw new PermanentAuthorException("the offline appworld author has no answer for stage '" + stage + "'");
    }

    /** The run parameters of a family, as the pack chooses them. */
    public static Map<String, Object> parameters(Family f) {
        return Map.of(FAMILY_PARAMETER, f.id(), "theme", f.theme(), "core_apps", String.join(", ", f.coreApps()));
    }
}
