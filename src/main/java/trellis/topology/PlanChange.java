package trellis.topology;

/**
 * One line of a plan.
 *
 * @param serviceId the service it is about, or null for a database-level change
 * @param hostId    the host it is about (for a move, the new one), or null
 * @param text      what a person reads, e.g. "add instance of 'api' on host-2"
 */
public record PlanChange(Kind kind, String serviceId, String hostId, String text) {
    public enum Kind {
        SERVICE_ADDED, SERVICE_REMOVED, INSTANCE_ADDED, INSTANCE_REMOVED, INSTANCE_MOVED,
        VERSION_CHANGED, CONFIG_CHANGED, CONNECT_AS_CHANGED, SERVICE_CHANGED,
        GRANT, REVOKE, NODE_ADDED, NODE_REMOVED, USER_ADDED, USER_REMOVED, DATABASE_CHANGED;

        /** The sign a plan line starts with, as in terraform plan and kubectl diff. */
        public String sign() {
            return switch (this) {
                case SERVICE_ADDED, INSTANCE_ADDED, NODE_ADDED, USER_ADDED, GRANT -> "+";
                case SERVICE_REMOVED, INSTANCE_REMOVED, NODE_REMOVED, USER_REMOVED, REVOKE -> "-";
                default -> "~";
            };
        }
    }

    @Override
    public String toString() {
        return kind.sign() + " " + text;
    }
}
