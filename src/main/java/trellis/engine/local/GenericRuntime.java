package trellis.engine.local;

/** A service type Trellis has no recipe for: the default container, restarted on each config change. */
record GenericRuntime(String type) implements ServiceRuntime {
    @Override
    public ContainerRecipe recipe(Instance instance) {
        return new ContainerRecipe().env(ServiceRuntime.configVersion(instance.hash()));
    }
}
