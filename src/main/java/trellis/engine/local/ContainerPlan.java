package trellis.engine.local;

import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Volume;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The container the engine creates for one instance, as plain data: what {@code Reconciler} hands
 * to Docker and what {@code trellis render} writes as container.json are this one value.
 *
 * @param command       the image's command, or null for the image's own
 * @param user          the uid, or null for the image's own
 * @param mounts        folders of the instance's directory ({@code ""} is the directory itself)
 * @param publishedPort the loopback port the container port is published on; 0 for one Docker
 *                      picks; null for none
 * @param nanoCpus      null for no limit
 * @param memory        bytes, null for no limit
 */
public record ContainerPlan(String name, String image, List<String> command, List<String> env, String user,
                            Health health, List<Mount> mounts, Integer publishedPort, Map<String, String> labels,
                            Long nanoCpus, Long memory, List<String> extraHosts) {
    /** The port every service listens on inside its container. */
    public static final int CONTAINER_PORT = ServiceRuntime.CONTAINER_PORT;

    /** Docker's health check. */
    public record Health(List<String> test, Duration interval, Duration timeout, int retries, Duration startPeriod) {
    }

    /** A folder of the instance's directory mounted at {@code target}. */
    public record Mount(String folder, String target, boolean readOnly) {
        Path source(Path instanceDir) {
            return folder.isEmpty() ? instanceDir : instanceDir.resolve(folder);
        }
    }

    /** The binds with the instance's files in {@code instanceDir}. */
    List<Bind> binds(Path instanceDir) {
        List<Bind> binds = new ArrayList<>();
        for (Mount m : mounts) {
            binds.add(new Bind(m.source(instanceDir).toString(), new Volume(m.target()), m.readOnly() ? AccessMode.ro : AccessMode.rw));
        }
        return binds;
    }

    /**
     * The create request in Docker's own JSON names (Engine API ContainerCreate; durations in
     * nanoseconds), with the binds pointing into {@code instanceDir}.
     */
    public Map<String, Object> dockerJson(Path instanceDir) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("Name", name);
        c.put("Image", image);
        if (command != null) {
            c.put("Cmd", command);
        }
        c.put("Env", env);
        if (user != null) {
            c.put("User", user);
        }
        c.put("Labels", new java.util.TreeMap<>(labels));
        c.put("ExposedPorts", Map.of(CONTAINER_PORT + "/tcp", Map.of()));
        Map<String, Object> hc = new LinkedHashMap<>();
        hc.put("Test", health.test());
        hc.put("Interval", health.interval().toNanos());
        hc.put("Timeout", health.timeout().toNanos());
        hc.put("Retries", health.retries());
        hc.put("StartPeriod", health.startPeriod().toNanos());
        c.put("Healthcheck", hc);
        Map<String, Object> host = new LinkedHashMap<>();
        host.put("Binds", binds(instanceDir).stream().map(Bind::toString).toList());
        if (publishedPort != null) {
            host.put("PortBindings", Map.of(CONTAINER_PORT + "/tcp", List.of(Map.of("HostIp", DockerHosts.LOOPBACK,
                    "HostPort", publishedPort == 0 ? "" : publishedPort.toString()))));
        }
        if (nanoCpus != null) {
            host.put("NanoCpus", nanoCpus);
        }
        if (memory != null) {
            host.put("Memory", memory);
        }
        host.put("ExtraHosts", extraHosts);
        c.put("HostConfig", host);
        return c;
    }
}
