package trellis.engine.local;

import java.util.List;
import java.util.Map;
import trellis.spec.Json;

/** The RAG server: its YAML mounted read-write, its API keys in its keys folder, mounted read-only at /app/keys. */
final class RagRuntime implements ServiceRuntime {
    static final String CONFIG = "pgedge-rag-server.yaml";
    /** The folder of the instance directory holding the key files, as the Control Plane's RAGServiceKeysResource. */
    static final String KEYS_FOLDER = "keys";

    @Override
    public String type() {
        return "rag";
    }

    @Override
    public ContainerRecipe recipe(Instance in) {
        var svc = in.service();
        ServiceConnection conn = in.connection();
        RagConfigYaml.Generated rag = RagConfigYaml.generate(svc.config() == null ? Json.MAPPER.createObjectNode() : svc.config(),
                conn.database(), conn.first(), svc.connectAs(), conn.password());
        ContainerRecipe r = new ContainerRecipe()
                .file("", CONFIG, rag.yaml(), McpRuntime.UID, rag.keyFiles().size() + " API-key file(s)");
        for (Map.Entry<String, String> k : rag.keyFiles().entrySet()) {
            r.file(KEYS_FOLDER, k.getKey(), k.getValue(), McpRuntime.UID, "an API key");
        }
        r.mount("", DATA_MOUNT, false);
        if (!rag.keyFiles().isEmpty()) {
            r.mount(KEYS_FOLDER, RagConfigYaml.KEYS_DIR, true);
        }
        r.env(ServiceRuntime.configVersion(in.hash()));
        if (in.imageCommands()) {
            // no curl in that image: a TCP probe, as the Control Plane does
            r.image(List.of("/app/pgedge-rag-server", "-config", DATA_MOUNT + "/" + CONFIG), McpRuntime.UID,
                    List.of("CMD-SHELL", "exec 3<>/dev/tcp/127.0.0.1/" + CONTAINER_PORT));
        }
        return r;
    }
}
