package trellis.topology;

import trellis.spec.Instance;

/**
 * A database node's instance on one host.
 *
 * @param live the database instance as the control plane reports it, or null
 */
public record NodePlacement(String nodeName, String hostId, Instance live) {
    /** {@code primary}, {@code replica} ... when the control plane said so, else null. */
    public String role() {
        if (live == null || live.postgres() == null) {
            return null;
        }
        var role = live.postgres().get("role");
        return role == null || !role.isTextual() ? null : role.asText();
    }
}
