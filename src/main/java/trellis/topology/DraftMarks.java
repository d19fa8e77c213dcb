package trellis.topology;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import trellis.spec.DatabaseSpec;
import trellis.spec.ServiceSpec;

/**
 * What a draft changes about service instances, as the graph marks it until it is applied or
 * discarded: an added instance (a "new" badge), a moved one (its old place ghosted), a removed one
 * (struck through). A spec alone cannot tell a move from a removal and an addition, so the editor
 * keeps the moves it made ({@link Move}); one still true of the draft (the service lost its old
 * host and gained the new one) is marked as a move, and any other gain or loss of a host is an
 * addition or a removal.
 */
public final class DraftMarks {
    private DraftMarks() {
    }

    public enum Kind { ADDED, MOVED, REMOVED }

    /**
     * One mark.
     *
     * @param host     where the instance is now (for REMOVED: where it was)
     * @param fromHost for MOVED, where it was; otherwise null
     */
    public record Mark(Kind kind, String serviceId, String host, String fromHost) {
        @Override
        public String toString() {
            return switch (kind) {
                case ADDED -> "new instance of '" + serviceId + "' on " + host;
                case MOVED -> "'" + serviceId + "' moved from " + fromHost + " to " + host;
                case REMOVED -> "instance of '" + serviceId + "' on " + host + " removed";
            };
        }
    }

    /** A move the editor made: the service's instance on {@code from} dragged to {@code to}. */
    public record Move(String serviceId, String from, String to) {
    }

    /** The marks of {@code draft} against {@code applied}, with no moves known. */
    public static List<Mark> between(DatabaseSpec applied, DatabaseSpec draft) {
        return between(applied, draft, List.of());
    }

    /**
     * The marks of {@code draft} against {@code applied}, service by service in the draft's order
     * (moves, then additions, then removals), then the services the draft removed.
     */
    public static List<Mark> between(DatabaseSpec applied, DatabaseSpec draft, List<Move> moves) {
        Map<String, List<String>> before = hostsById(applied);
        Map<String, List<String>> after = hostsById(draft);
        List<Mark> marks = new ArrayList<>();
        after.forEach((id, now) -> {
            List<String> was = before.getOrDefault(id, List.of());
            List<String> gained = new ArrayList<>(now.stream().filter(h -> !was.contains(h)).toList());
            List<String> lost = new ArrayList<>(was.stream().filter(h -> !now.contains(h)).toList());
            for (Move m : moves) {
                if (m.serviceId().equals(id) && lost.contains(m.from()) && gained.contains(m.to())) {
                    marks.add(new Mark(Kind.MOVED, id, m.to(), m.from()));
                    lost.remove(m.from());
                    gained.remove(m.to());
                }
            }
            gained.forEach(h -> marks.add(new Mark(Kind.ADDED, id, h, null)));
            lost.forEach(h -> marks.add(new Mark(Kind.REMOVED, id, h, null)));
        });
        before.forEach((id, was) -> {
            if (!after.containsKey(id)) {
                was.forEach(h -> marks.add(new Mark(Kind.REMOVED, id, h, null)));
            }
        });
        return marks;
    }

    private static Map<String, List<String>> hostsById(DatabaseSpec spec) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (spec != null && spec.services() != null) {
            for (ServiceSpec s : spec.services()) {
                out.put(s.serviceId(), s.hostIds() == null ? List.of() : s.hostIds());
            }
        }
        return out;
    }
}
