package dev.scenarist.core.pack;

import java.util.List;

/**
 * A pack whose checks need something of this machine (sandbox, commands, engines). The application checks them before
 * a campaign is stored and lists them in {@code scenarist doctor}. Without it, a pack needs nothing.
 */
public non-sealed interface MachineNeeds extends PackCapability {
    List<Requirement> requirements();
}
