package trellis.ui.tasks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import trellis.engine.ControlPlane;
import trellis.engine.PullProgress;

/**
 * Pull reports arrive on the engine's threads, many a second; the console takes the latest of each
 * image when it drains (every 100 ms on the FX thread), so the screen gets at most one update per
 * image per drain and no thread waits on it.
 */
final class PullCoalescer {
    record Report(ControlPlane source, PullProgress progress) {
    }

    private record Key(ControlPlane source, String image) {
    }

    private final Map<Key, PullProgress> latest = new ConcurrentHashMap<>();

    /** Any thread. */
    void offer(ControlPlane source, PullProgress p) {
        latest.put(new Key(source, p.image()), p);
    }

    /** The latest report of each image since the last drain. */
    List<Report> drain() {
        List<Report> out = new ArrayList<>();
        for (Key k : List.copyOf(latest.keySet())) {
            PullProgress p = latest.remove(k);
            if (p != null) {
                out.add(new Report(k.source(), p));
            }
        }
        return out;
    }
}
