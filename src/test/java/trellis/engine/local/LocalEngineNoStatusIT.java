package trellis.engine.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import trellis.spec.ServiceInstance;

/**
 * running -> failed when no status came for the no-status timeout, on a real Docker engine that
 * stops answering: host-1 is bound to the engine through a TCP door on 127.0.0.1 that the test
 * closes. The timeout is 3 s here (30 s by default, as the Control Plane has it).
 */
class LocalEngineNoStatusIT {
    DockerClient docker;
    LocalEngine engine;
    EngineProxy proxy;
    String id;
    final LinkedBlockingQueue<LifecycleMonitor.Transition> moves = new LinkedBlockingQueue<>();

    @BeforeEach
    void start() throws Exception {
        docker = LocalEngineTesting.requireDocker();
        proxy = new EngineProxy(LocalEngines.dockerHost().orElseThrow());
        engine = new LocalEngine(docker, LocalEngineTesting.standInSettings().withMonitor(Duration.ofSeconds(3), Duration.ofMillis(500)));
        engine.addTransitionListener(moves::add);
        id = "ns" + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 20), 36);
    }

    @AfterEach
    void cleanUp() throws Exception {
        if (docker == null) {
            return;
        }
        LocalEngineTesting.removeContainers(docker, id);
        engine.close();
        proxy.close();
    }

    private LifecycleMonitor.Transition next(String state, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            LifecycleMonitor.Transition t = moves.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (t != null && state.equals(t.to())) {
                return t;
            }
        }
        throw new AssertionError("no move to " + state + " within " + within.toSeconds() + " s");
    }

    @Test
    void anEngineThatStopsAnsweringFailsItsInstanceAfterTheTimeoutNotBeforeAndItRecovers() throws Exception {
        engine.bindHost("host-1", proxy.endpoint());
        engine.createDatabase(LocalEngineTesting.example("co-located.json", id));
        next("running", Duration.ofSeconds(45));

        long cutAt = System.nanoTime();
        proxy.cut();
        LifecycleMonitor.Transition failed = next("failed", Duration.ofSeconds(20));
        long afterMs = (System.nanoTime() - cutAt) / 1_000_000;
        // the timeout runs from the last status, which the sweep (every 500 ms) took up to 500 ms before the cut
        assertThat(afterMs).as("failed only once no status came for the 3 s timeout").isGreaterThanOrEqualTo(2500);
        assertThat(failed.from()).isEqualTo("running");
        assertThat(failed.error()).startsWith("no status for 3 s").contains("host-1", "does not answer");
        ServiceInstance shown = engine.database(id).serviceInstances().get(0);
        assertThat(shown.state()).isEqualTo("failed");
        assertThat(shown.error()).contains("no status for 3 s");

        proxy.restore();
        assertThat(next("running", Duration.ofSeconds(20)).from()).as("back once the engine answers").isEqualTo("failed");
    }
}
