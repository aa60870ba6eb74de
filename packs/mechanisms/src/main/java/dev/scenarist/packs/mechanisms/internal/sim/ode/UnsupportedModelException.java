package dev.scenarist.packs.mechanisms.internal.sim.ode;

/**
 * The model uses something the ODE world cannot represent even approximately (height fields, flex bodies,
 * replicated or attached sub-models, OBJ meshes, ...). The simulator answers "unavailable" with this message: the
 * scene is not judged rather than judged wrongly.
 */
final class UnsupportedModelException extends Exception {
    UnsupportedModelException(String message) {
        super(message);
    }
}
