package dev.scenarist.core.pack;

/**
 * Something a pack may do beyond what every pack answers ({@link Pack}): a pack declares a capability by implementing
 * its interface, and the engine asks for it with {@link Pack#capability(Class)}. What happens for a pack without one
 * (the default) is written once, in {@link Capabilities}.
 *
 * <p>Sealed, so the list of capabilities is this one and a new one is a change to core, reviewed as such; each member is
 * non-sealed, so any pack may implement it.
 */
public sealed interface PackCapability permits PackOptions, ScenarioAssembler, ValidationPlan, DatasetGrouping, MachineNeeds,
        DuplicateThreshold, CatalogUniqueness, PackAnalytics {}
