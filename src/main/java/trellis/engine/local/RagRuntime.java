package trellis.engine.local;

import com.github.dockerjava.api.model.AccessMode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import trellis.spec.Json;

/** The RAG server: its YAML mounted read-write, its API keys in a directory of their own, read-only. */
final class RagRuntime implements ServiceRuntime {
    static final String CONFIG = "pgedge-rag-server.yaml";
    static final String KEYS_SUFFIX = "-keys";

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
        Path dir = in.files().write(in.name(), CONFIG, rag.yaml(), McpRuntime.UID);
        Path keys = null;
        for (Map.Entry<String, String> k : rag.keyFiles().entrySet()) {
            keys = in.files().write(in.name() + KEYS_SUFFIX, k.getKey(), k.getValue(), McpRuntime.UID);
        }
        in.log().accept(in.name() + ": " + CONFIG + " written with " + rag.keyFiles().size() + " API-key file(s)");
        ContainerRecipe r = new ContainerRecipe().mount(dir, DATA_MOUNT, AccessMode.rw);
        if (keys != null) {
            r.mount(keys, RagConfigYaml.KEYS_DIR, AccessMode.ro);
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
