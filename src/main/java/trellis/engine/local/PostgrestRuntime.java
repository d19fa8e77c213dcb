package trellis.engine.local;

import java.util.List;

/** PostgREST: its postgrest.conf mounted read-only, its server on the container port, the grants on the nodes. */
final class PostgrestRuntime implements ServiceRuntime {
    /** The uid PostgREST's image runs as. */
    static final int UID = 1000;
    static final int ADMIN_PORT = CONTAINER_PORT + 1;
    static final String CONF = "postgrest.conf";

    @Override
    public String type() {
        return "postgrest";
    }

    @Override
    public boolean needsGrants() {
        return true;
    }

    @Override
    public ContainerRecipe recipe(Instance in) {
        ServiceConnection conn = in.connection();
        var svc = in.service();
        String conf = PostgrestConf.generate(svc.config(), svc.connectAs(), conn.password(), conn.database(),
                conn.endpoints(), conn.targetSessionAttrs());
        ContainerRecipe r = new ContainerRecipe()
                .file("", CONF, conf, UID, "db-uri for " + svc.connectAs() + " on " + conn.endpoints().size() + " host(s)")
                .mount("", DATA_MOUNT, true)
                .env("PGRST_SERVER_HOST=0.0.0.0", "PGRST_SERVER_PORT=" + CONTAINER_PORT, "PGRST_ADMIN_SERVER_PORT=" + ADMIN_PORT);
        if (in.imageCommands()) {
            r.image(List.of("postgrest", DATA_MOUNT + "/" + CONF), UID, List.of("CMD", "postgrest", "--ready"));
        }
        return r;
    }
}
