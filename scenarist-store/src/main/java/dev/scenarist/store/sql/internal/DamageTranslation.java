package dev.scenarist.store.sql.internal;

import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.HandleCallbackDecorator;

/** Wraps every store operation so that a statement failing on a damaged database surfaces as the backend names it. */
public final class DamageTranslation implements HandleCallbackDecorator {
    private final Backend backend;

    public DamageTranslation(Backend backend) {
        this.backend = backend;
    }

    @Override
    public <R, X extends Exception> HandleCallback<R, X> decorate(HandleCallback<R, X> callback) {
        return handle -> {
            try {
                return callback.withHandle(handle);
            } catch (RuntimeException e) {
                throw backend.damage(e).map(RuntimeException.class::cast).orElse(e);
            }
        };
    }
}
