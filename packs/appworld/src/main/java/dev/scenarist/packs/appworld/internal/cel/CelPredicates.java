package dev.scenarist.packs.appworld.internal.cel;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;

/**
 * Compiles and runs the boolean CEL predicates of a scenario (validation goals, event conditions) against three
 * declared variables: {@code state} (the phone's snapshot as a map), {@code apps} (its {@code apps} part) and
 * {@code log} (the tool calls, each a map with the same keys, see {@link CelFacts}). Compile once, evaluate often.
 * CEL is not Turing-complete and has no I/O, so a model-written predicate is safe to run in-process.
 */
public final class CelPredicates {
    private final CelCompiler compiler = CelCompilerFactory.standardCelCompilerBuilder()
            .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
            .addVar("state", MapType.create(SimpleType.STRING, SimpleType.DYN))
            .addVar("apps", MapType.create(SimpleType.STRING, SimpleType.DYN))
            .addVar("log", ListType.create(MapType.create(SimpleType.STRING, SimpleType.DYN)))
            .setResultType(SimpleType.BOOL)
            .build();
    private final CelRuntime runtime = CelRuntimeFactory.standardCelRuntimeBuilder().build();

    /** A compiled predicate, or why it does not compile. */
    public sealed interface Compiled {
        String source();
    }

    public record Program(String source, CelRuntime.Program program) implements Compiled {}

    public record Invalid(String source, String error) implements Compiled {}

    /** What one evaluation gave. */
    public sealed interface Outcome {}

    public record Value(boolean value) implements Outcome {}

    public record Error(String message) implements Outcome {}

    public Compiled compile(String source) {
        try {
            CelAbstractSyntaxTree ast = compiler.compile(source).getAst();
            return new Program(source, runtime.createProgram(ast));
        } catch (CelValidationException e) {
            return new Invalid(source, e.getMessage());
        } catch (dev.cel.common.CelException | RuntimeException e) {
            return new Invalid(source, String.valueOf(e.getMessage()));
        }
    }

    public Outcome evaluate(Compiled compiled, CelFacts facts) {
        return switch (compiled) {
            case Invalid i -> new Error("does not compile: " + i.error());
            case Program p -> {
                try {
                    Object v = p.program().eval(facts.bindings());
                    // a non-boolean (e.g. an unknown from a null) is not a verdict
                    yield v instanceof Boolean b ? new Value(b) : new Error("evaluated to " + v + ", not a boolean");
                } catch (CelEvaluationException | RuntimeException e) {
                    yield new Error(String.valueOf(e.getMessage()));
                }
            }
        };
    }
}
