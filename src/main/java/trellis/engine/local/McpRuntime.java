package trellis.engine.local;

import java.time.Instant;
import java.util.List;
import trellis.spec.Json;

/**
 * The MCP server: config.yaml from the spec, tokens.yaml and users.yaml written once (they belong
 * to the server afterwards), mounted read-write as the Control Plane mounts them.
 */
final class McpRuntime implements ServiceRuntime {
    /** The uid pgEdge's MCP and RAG images run as. */
    static final int UID = 1001;
    static final String CONFIG = "config.yaml";

    @Override
    public String type() {
        return "mcp";
    }

    @Override
    public ContainerRecipe recipe(Instance in) {
        var svc = in.service();
        var cfg = svc.config();
        ServiceConnection conn = in.connection();
        String yaml = McpConfigYaml.generate(cfg == null ? Json.MAPPER.createObjectNode() : cfg,
                conn.database(), conn.endpoints(), conn.targetSessionAttrs(), svc.connectAs(), conn.password());
        Instant now = Instant.now();
        ContainerRecipe r = new ContainerRecipe()
                .file("", CONFIG, yaml, UID, "database " + conn.database() + " as " + svc.connectAs())
                .fileOnce(McpAuthFiles.TOKENS, () -> McpAuthFiles.tokens(cfg, now), UID,
                        cfg != null && cfg.hasNonNull("init_token") ? "the init_token's hash" : "empty")
                .fileOnce(McpAuthFiles.USERS, () -> McpAuthFiles.users(cfg, now), UID, cfg != null && cfg.path("init_users").isArray()
                        ? cfg.path("init_users").size() + " bootstrap user(s)" : "empty")
                .mount("", DATA_MOUNT, false).env(ServiceRuntime.configVersion(in.hash()));
        if (in.imageCommands()) {
            r.image(List.of("/app/pgedge-postgres-mcp", "-config", DATA_MOUNT + "/" + CONFIG), UID,
                    List.of("CMD-SHELL", "curl -f http://localhost:" + CONTAINER_PORT + "/health || exit 1"));
        }
        return r;
    }
}
