package trellis.engine.local;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Reads a container's last output lines: one callback for the API's logs and a failed instance's error. */
final class ContainerLogs {
    /** How long the API waits for an instance's log. */
    static final Duration READ_TIMEOUT = Duration.ofSeconds(5);
    /** How long a failed instance's error waits for its last lines; it is a courtesy. */
    static final Duration LAST_LINES_TIMEOUT = Duration.ofSeconds(2);
    /** The lines of output a failed instance's error quotes. */
    static final int LAST_LINES = 3;

    private ContainerLogs() {
    }

    /** The last {@code tail} lines of stdout and stderr, waiting at most {@code within}. */
    static String tail(DockerClient docker, String containerId, int tail, Duration within) throws InterruptedException {
        StringBuilder out = new StringBuilder();
        docker.logContainerCmd(containerId).withStdOut(true).withStdErr(true).withTail(tail).withTimestamps(false)
                .exec(new ResultCallback.Adapter<Frame>() {
                    @Override
                    public void onNext(Frame frame) {
                        synchronized (out) {
                            out.append(new String(frame.getPayload(), StandardCharsets.UTF_8));
                        }
                    }
                }).awaitCompletion(within.toMillis(), TimeUnit.MILLISECONDS);
        synchronized (out) {
            return out.toString();
        }
    }

    /** "; last output: ..." for a failed instance's error, or why there is none. */
    static String lastOutput(DockerClient docker, String containerId) {
        String s;
        try {
            s = tail(docker, containerId, LAST_LINES, LAST_LINES_TIMEOUT).strip();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        } catch (RuntimeException e) {
            return "; its output cannot be read (" + e.getMessage() + ")";
        }
        return s.isEmpty() ? "" : "; last output: " + s.replace('\n', ' ');
    }
}
