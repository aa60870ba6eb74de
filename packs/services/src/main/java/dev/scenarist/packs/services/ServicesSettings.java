package dev.scenarist.packs.services;

import java.util.Map;
import java.util.Optional;

/**
 * What the machine's owner sets for the services pack, read once by the application from its environment.
 *
 * @param deployCommand   the command that deploys an accepted scenario ({@code SCENARIST_SERVICES_DEPLOY}), given the
 *                        scenario folder as its argument. A campaign only turns deployment on ({@code --option deploy=on});
 *                        it cannot name a command, so nobody who may start campaigns (through the server, say) can make
 *                        this machine run a command of their choosing outside the sandbox.
 * @param hostEnvironment what the deploy command gets of the application's environment: {@code PATH} and {@code HOME}
 *                        only (never an API key, so none can be logged from here either)
 */
public record ServicesSettings(Optional<String> deployCommand, Map<String, String> hostEnvironment) {
    public static final String DEPLOY_ENV = "SCENARIST_SERVICES_DEPLOY";
    public static final ServicesSettings NONE = new ServicesSettings(Optional.empty(), Map.of());

    public ServicesSettings {
        deployCommand = deployCommand.filter(c -> !c.isBlank());
        Map<String, String> kept = new java.util.TreeMap<>();
        for (String name : java.util.List.of("PATH", "HOME")) if (hostEnvironment.get(name) != null) kept.put(name, hostEnvironment.get(name));
        hostEnvironment = Map.copyOf(kept);
    }

    /** The settings from the application's environment. */
    public static ServicesSettings of(Map<String, String> env) {
        return new ServicesSettings(Optional.ofNullable(env.get(DEPLOY_ENV)), env);
    }
}
