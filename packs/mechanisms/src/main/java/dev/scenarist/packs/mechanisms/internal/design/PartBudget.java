package dev.scenarist.packs.mechanisms.internal.design;

import dev.scenarist.packs.mechanisms.scene.Design;
import dev.scenarist.packs.mechanisms.scene.DesignedPart;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A solution's parts against its task's {@link Design}: how many, their total mass and volume, and every limit
 * exceeded (in words, with the limit), empty when within budget.
 */
public record PartBudget(int parts, double mass, double volume, List<String> exceeded) {
    public PartBudget {
        exceeded = List.copyOf(exceeded);
    }

    public static PartBudget of(Design design, List<DesignedPart> parts) {
        double mass = parts.stream().mapToDouble(DesignedPart::totalMass).sum();
        double volume = parts.stream().mapToDouble(DesignedPart::volume).sum();
        List<String> over = new ArrayList<>();
        if (parts.size() > design.maxParts()) {
            over.add(parts.size() + " parts, more than max_parts " + design.maxParts());
        }
        if (design.maxMass() > 0 && mass > design.maxMass()) {
            over.add(String.format(Locale.ROOT, "total mass %.4f kg, more than max_mass %.4f kg", mass, design.maxMass()));
        }
        if (design.maxVolume() > 0 && volume > design.maxVolume()) {
            over.add(String.format(Locale.ROOT, "total volume %.6f m³, more than max_volume %.6f m³", volume, design.maxVolume()));
        }
        return new PartBudget(parts.size(), mass, volume, over);
    }

    public boolean within() {
        return exceeded.isEmpty();
    }

    public String describe(Design design) {
        String text = String.format(Locale.ROOT, "%d part(s) of %d, %.4f kg%s, %.6f m³%s", parts, design.maxParts(), mass,
                design.maxMass() > 0 ? String.format(Locale.ROOT, " of %.4f", design.maxMass()) : "",
                volume, design.maxVolume() > 0 ? String.format(Locale.ROOT, " of %.6f", design.maxVolume()) : "");
        return within() ? text : text + ": over budget (" + String.join("; ", exceeded) + ")";
    }
}
