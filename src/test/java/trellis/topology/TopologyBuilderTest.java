package trellis.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import trellis.TestFiles;
import trellis.spec.CreateDatabaseRequest;
import trellis.spec.Database;
import trellis.spec.HealthCheckResult;
import trellis.spec.Json;
import trellis.spec.ServiceInstance;
import trellis.spec.ServiceInstanceStatus;

class TopologyBuilderTest {
    static CreateDatabaseRequest example(String name) throws Exception {
        return Json.MAPPER.readValue(TestFiles.example(name).toFile(), CreateDatabaseRequest.class);
    }

    static Topology planned(String name) throws Exception {
        CreateDatabaseRequest r = example(name);
        return TopologyBuilder.planned(r.id(), r.spec());
    }

    @Test
    void coLocatedPutsTheInstanceBesideTheNode() throws Exception {
        Topology t = planned("co-located.json");
        assertThat(t.hosts()).extracting(HostPlacement::hostId).containsExactly("host-1");
        HostPlacement h = t.hosts().get(0);
        assertThat(h.nodes()).extracting(NodePlacement::nodeName).containsExactly("n1");
        assertThat(h.instances()).extracting(InstancePlacement::instanceId).containsExactly("storefront-api-host-1");
        assertThat(t.service("api").orElseThrow().pattern()).isEqualTo(DeploymentPattern.CO_LOCATED);
    }

    @Test
    void separateHostGetsAHostWithNoNode() throws Exception {
        Topology t = planned("separate-host.json");
        assertThat(t.hosts()).extracting(HostPlacement::hostId).containsExactly("host-1", "host-2", "host-3");
        HostPlacement h3 = t.host("host-3").orElseThrow();
        assertThat(h3.hasDatabaseNode()).isFalse();
        assertThat(h3.instances()).extracting(InstancePlacement::serviceId).containsExactly("mcp");
        assertThat(h3.instances().get(0).connectsTo()).containsExactly("n1", "n2");
        assertThat(t.service("mcp").orElseThrow().pattern()).isEqualTo(DeploymentPattern.SEPARATE_HOST);
    }

    @Test
    void multipleInstancesPutsOnePerHost() throws Exception {
        Topology t = planned("multiple-instances.json");
        assertThat(t.instances()).extracting(InstancePlacement::instanceId)
                .containsExactly("catalog-api-host-1", "catalog-api-host-2");
        assertThat(t.instances()).allMatch(i -> i.state() == LifecycleState.PENDING);
        assertThat(t.service("api").orElseThrow().pattern()).isEqualTo(DeploymentPattern.MULTIPLE_INSTANCES);
    }

    @Test
    void liveInstancesAreMatchedPendingAndOrphansFound() throws Exception {
        CreateDatabaseRequest r = example("multiple-instances.json");
        ServiceInstance running = instance("api", "host-1", "running", "healthy");
        ServiceInstance orphan = instance("old", "host-2", "running", "healthy");
        Database db = new Database("catalog", null, "available", null, null, r.spec(), null, List.of(running, orphan), null);
        Topology t = TopologyBuilder.live(db, List.of());

        InstancePlacement h1 = t.instance("catalog-api-host-1").orElseThrow();
        assertThat(h1.state()).isEqualTo(LifecycleState.RUNNING);
        assertThat(h1.healthy()).isTrue();
        assertThat(t.instance("catalog-api-host-2").orElseThrow().state()).isEqualTo(LifecycleState.PENDING);
        assertThat(t.instance("catalog-old-host-2").orElseThrow().state()).isEqualTo(LifecycleState.ORPHAN);
    }

    @Test
    void runningWithUnknownHealthIsNotHealthy() throws Exception {
        CreateDatabaseRequest r = example("co-located.json");
        Database db = new Database("storefront", null, null, null, null, r.spec(), null,
                List.of(instance("api", "host-1", "running", "unknown")), null);
        InstancePlacement i = TopologyBuilder.live(db, List.of()).instances().get(0);
        assertThat(i.state()).isEqualTo(LifecycleState.RUNNING);
        assertThat(i.healthy()).isFalse();
    }

    @Test
    void aDeletingInstanceLeftOutOfTheSpecStaysDeleting() throws Exception {
        CreateDatabaseRequest r = example("co-located.json");
        Database db = new Database("storefront", null, null, null, null, r.spec(), null,
                List.of(instance("gone", "host-1", "deleting", null)), null);
        assertThat(TopologyBuilder.live(db, List.of()).instances())
                .filteredOn(i -> i.serviceId().equals("gone"))
                .singleElement().extracting(InstancePlacement::state).isEqualTo(LifecycleState.DELETING);
    }

    @Test
    void targetNodesNarrowWhatAnInstanceConnectsTo() throws Exception {
        var tree = (com.fasterxml.jackson.databind.node.ObjectNode) Json.MAPPER.readTree(TestFiles.example("multiple-instances.json").toFile());
        ((com.fasterxml.jackson.databind.node.ObjectNode) tree.at("/spec/services/0"))
                .putObject("database_connection").putArray("target_nodes").add("n2");
        CreateDatabaseRequest r = Json.MAPPER.treeToValue(tree, CreateDatabaseRequest.class);
        assertThat(TopologyBuilder.planned(r.id(), r.spec()).instances())
                .allSatisfy(i -> assertThat(i.connectsTo()).containsExactly("n2"));
    }

    static ServiceInstance instance(String service, String host, String state, String health) {
        ServiceInstanceStatus status = health == null ? null : new ServiceInstanceStatus("c1", "14.5", List.of("127.0.0.1"),
                List.of(), new HealthCheckResult(health, "2026-01-01T00:00:00Z", null, null), null, null, null);
        return new ServiceInstance("catalog-" + service + "-" + host, service, "catalog", host, state, status, null,
                null, null, null);
    }
}
