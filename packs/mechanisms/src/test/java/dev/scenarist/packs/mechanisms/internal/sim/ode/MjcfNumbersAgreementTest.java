package dev.scenarist.packs.mechanisms.internal.sim.ode;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scenarist.packs.mechanisms.internal.mjcf.MjcfModel;
import dev.scenarist.packs.mechanisms.internal.mjcf.MjcfValidator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The validator and the ODE fallback read MJCF numbers with one parser, and both as MuJoCo does. The expected verdicts
 * are MuJoCo 3.14.0's own (the WASM bindings the sidecar runs, loading {@code <option viscosity="…"/>}): strtod's
 * syntax — hexadecimal floats, inf, infinity, nan and nan(…) in any case — is accepted; Java's extras ({@code 1d},
 * {@code 1f}) and incomplete tokens are "bad format". Before the fallback had its own parser (Java's), it read
 * {@code inf}, {@code nan} and hexadecimal values the validator accepted as a silent default.
 */
class MjcfNumbersAgreementTest {
    @TempDir
    Path dir;

    /** A value as written, and what MuJoCo made of it (null: refused with "bad format in attribute"). */
    private record Case(String written, Double mujoco) {}

    private static final List<Case> MUJOCO_3_14 = List.of(
            new Case("0.002", 0.002), new Case("2e-3", 0.002), new Case(".002", 0.002), new Case("2.", 2.0),
            new Case("+0.002", 0.002), new Case("1e+2", 100.0), new Case(" 0.003", 0.003), new Case("1e-3 ", 0.001),
            new Case("inf", Double.POSITIVE_INFINITY), new Case("-inf", Double.NEGATIVE_INFINITY),
            new Case("INF", Double.POSITIVE_INFINITY), new Case("infinity", Double.POSITIVE_INFINITY),
            new Case("Infinity", Double.POSITIVE_INFINITY), new Case("nan", Double.NaN), new Case("NaN", Double.NaN),
            new Case("nan(1)", Double.NaN), new Case("0x1p-9", 0.001953125), new Case("0X.8p-8", 0.001953125),
            new Case("0x10", 16.0), new Case("0x1.8", 1.5), new Case("-0x1p1", -2.0),
            new Case("1d", null), new Case("1f", null), new Case("1e", null), new Case("0.002x", null), new Case("1,", null));

    @Test
    void theValidatorAcceptsTheNumbersMujocoReadsAndTheFallbackReadsThemAsMujocoDoes() throws Exception {
        for (Case c : MUJOCO_3_14) {
            Path xml = dir.resolve("m" + MUJOCO_3_14.indexOf(c) + ".xml");
            Files.writeString(xml, "<mujoco><option viscosity=\"" + c.written() + "\"/>"
                    + "<worldbody><geom size=\"0.1\"/></worldbody></mujoco>");
            List<String> codes = switch (MjcfModel.read(xml)) {
                case MjcfModel.Valid v -> List.of();
                case MjcfModel.Invalid i -> i.errors().stream().map(f -> f.code()).toList();
            };
            if (c.mujoco() == null) {
                assertThat(codes).as("'%s' is refused by MuJoCo as bad format, so by the validator", c.written())
                        .containsExactly(MjcfValidator.BAD_VALUE);
                continue;
            }
            // the validator's own rule beyond loading, said out loud: a NaN loads, but diverges the simulation
            assertThat(codes).as("'%s' is read by MuJoCo, so by the validator", c.written())
                    .isEqualTo(Double.isNaN(c.mujoco()) ? List.of(MjcfValidator.NON_FINITE) : List.of());
            double fallback = ModelCompiler.compile(MjcfModel.load(xml)).options().viscosity();
            assertThat(fallback).as("the ODE fallback reads '%s' as MuJoCo does", c.written()).isEqualTo(c.mujoco());
        }
    }
}
