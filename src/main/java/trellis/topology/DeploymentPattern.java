package trellis.topology;

/** The three deployment topologies of the "Supporting Services" documentation page. */
public enum DeploymentPattern {
    /** One instance, on a host that also runs a database node. */
    CO_LOCATED("co-located"),
    /** One instance, on a host with no database node. */
    SEPARATE_HOST("separate-host"),
    /** One instance on each of several hosts, each connecting with the same connect_as user. */
    MULTIPLE_INSTANCES("multiple-instances");

    private final String label;

    DeploymentPattern(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
