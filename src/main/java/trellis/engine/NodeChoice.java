package trellis.engine;

/**
 * What a person chose, before a deploy to the local engine, for a database node of the spec:
 * Trellis starts a PostgreSQL server for it (the default; a node that already has one keeps it),
 * Trellis attaches a server the person runs, or the node is skipped (its services reach no
 * database and their grants are not applied). The typed password is never shown ({@link #toString}).
 *
 * @param provision for an attached server: create the spec's database and users there
 */
public record NodeChoice(Kind kind, String host, int port, String database, String user, char[] password, boolean provision) {
    /** The three answers. */
    public enum Kind { START, ATTACH, SKIP }

    public static final NodeChoice START = new NodeChoice(Kind.START, null, 0, null, null, new char[0], false);
    public static final NodeChoice SKIP = new NodeChoice(Kind.SKIP, null, 0, null, null, new char[0], false);

    public static NodeChoice attach(String host, int port, String database, String user, char[] password, boolean provision) {
        return new NodeChoice(Kind.ATTACH, host, port, database, user, password, provision);
    }

    /** Where the attached server is, as a person writes it ("localhost:5433"). */
    public String address() {
        return host + ":" + port;
    }

    @Override
    public String toString() {
        return kind == Kind.ATTACH ? "attach " + user + "@" + address() + "/" + database : kind.name().toLowerCase(java.util.Locale.ROOT);
    }
}
