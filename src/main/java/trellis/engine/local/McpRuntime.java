package trellis.engine.local;

import com.github.dockerjava.api.model.AccessMode;
import java.nio.file.Path;
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
        Path dir = in.files().write(in.name(), CONFIG, yaml, UID);
        in.log().accept(in.name() + ": " + CONFIG + " written (database " + conn.database() + " as " + svc.connectAs() + ")");
        Instant now = Instant.now();
        if (!in.files().exists(in.name(), McpAuthFiles.TOKENS)) {
            in.files().write(in.name(), McpAuthFiles.TOKENS, McpAuthFiles.tokens(cfg, now), UID);
            in.log().accept(in.name() + ": tokens.yaml written (" + (cfg != null && cfg.hasNonNull("init_token")
                    ? "the init_token's hash" : "empty") + ")");
        }
        if (!in.files().exists(in.name(), McpAuthFiles.USERS)) {
            in.files().write(in.name(), McpAuthFiles.USERS, McpAuthFiles.users(cfg, now), UID);
            in.log().accept(in.name() + ": users.yaml written (" + (cfg != null && cfg.path("init_users").isArray()
                    ? cfg.path("init_users").size() + " bootstrap user(s)" : "empty") + ")");
        }
        ContainerRecipe r = new ContainerRecipe().mount(dir, DATA_MOUNT, AccessMode.rw).env(ServiceRuntime.configVersion(in.hash()));
        if (in.imageCommands()) {
            r.image(List.of("/app/pgedge-postgres-mcp", "-config", DATA_MOUNT + "/" + CONFIG), UID,
                    List.of("CMD-SHELL", "curl -f http://localhost:" + CONTAINER_PORT + "/health || exit 1"));
        }
        return r;
    }
}
