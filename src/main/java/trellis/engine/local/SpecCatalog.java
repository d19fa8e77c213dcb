package trellis.engine.local;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import trellis.spec.DatabaseSpec;
import trellis.spec.ServiceSpec;

/**
 * The specs the engine accepted, when each database was created, and which databases have an
 * operation under way (one at a time per database, as the Control Plane's workflows).
 */
final class SpecCatalog {
    private final Map<String, DatabaseSpec> specs = new ConcurrentHashMap<>();
    private final Map<String, Instant> created = new ConcurrentHashMap<>();
    private final Set<String> busy = ConcurrentHashMap.newKeySet();

    void put(String databaseId, DatabaseSpec spec, Instant createdAt) {
        specs.put(databaseId, spec);
        created.put(databaseId, createdAt);
    }

    void remove(String databaseId) {
        specs.remove(databaseId);
    }

    boolean contains(String databaseId) {
        return databaseId != null && specs.containsKey(databaseId);
    }

    DatabaseSpec spec(String databaseId) {
        return specs.get(databaseId);
    }

    Optional<Instant> createdAt(String databaseId) {
        return Optional.ofNullable(created.get(databaseId));
    }

    List<String> ids() {
        return new ArrayList<>(specs.keySet());
    }


    /** Every host id the specs name, for their nodes or their services, in the specs' order. */
    Set<String> hostIds() {
        Set<String> ids = new LinkedHashSet<>();
        for (DatabaseSpec s : specs.values()) {
            orEmpty(s.nodes()).forEach(n -> ids.addAll(orEmpty(n.hostIds())));
            orEmpty(s.services()).forEach(svc -> ids.addAll(orEmpty(svc.hostIds())));
        }
        return ids;
    }

    /** Marks a database busy; false when an operation is already under way. */
    boolean claim(String databaseId) {
        return busy.add(databaseId);
    }

    void release(String databaseId) {
        busy.remove(databaseId);
    }

    boolean busy(String databaseId) {
        return busy.contains(databaseId);
    }

    /** A database's state in the Control Plane's words: {@code modifying} while an operation runs. */
    enum DatabaseState {
        AVAILABLE, MODIFYING;

        String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    DatabaseState state(String databaseId) {
        return busy(databaseId) ? DatabaseState.MODIFYING : DatabaseState.AVAILABLE;
    }

    static <T> List<T> orEmpty(List<T> l) {
        return l == null ? List.of() : l;
    }

    /** One instance a spec places: a service on a host. */
    record Placement(String instanceId, String serviceId, String hostId) {
    }

    /** Every (service, host) pair a spec places, in the spec's order. */
    static List<Placement> placements(String databaseId, DatabaseSpec spec) {
        List<Placement> out = new ArrayList<>();
        if (spec != null) {
            for (ServiceSpec svc : orEmpty(spec.services())) {
                for (String host : orEmpty(svc.hostIds())) {
                    out.add(new Placement(Labels.name(databaseId, svc.serviceId(), host), svc.serviceId(), host));
                }
            }
        }
        return out;
    }
}
