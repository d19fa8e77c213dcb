package trellis.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import trellis.spec.Host;
import trellis.spec.Json;

class HostServicesTest {
    static Host host(String json) throws Exception {
        return Json.convert(Json.parse(json), Host.class);
    }

    @Test
    void onlyNonSwarmHostsAreRefusedInTheDocumentationsWords() throws Exception {
        assertThat(HostServices.reasonHostCannotTakeServices(host("{\"id\":\"host-1\",\"orchestrator\":\"swarm\"}"))).isEmpty();
        assertThat(HostServices.reasonHostCannotTakeServices(host("{\"id\":\"host-1\",\"orchestrator\":\"Swarm\"}"))).isEmpty();
        assertThat(HostServices.reasonHostCannotTakeServices(host("{\"id\":\"host-1\"}"))).isEmpty();
        assertThat(HostServices.reasonHostCannotTakeServices(host("{\"id\":\"host-4\",\"orchestrator\":\"systemd\"}"))).contains(
                "Host host-4 runs systemd, not Docker Swarm: Supporting Services are not yet supported on systemd clusters; "
                + "support is coming in a subsequent release.");
    }

    @Test
    void theCohortIsItsTypeMemberAndControlRole() throws Exception {
        assertThat(List.of(
                HostServices.cohort(host("{\"id\":\"a\",\"cohort\":{\"type\":\"swarm\",\"member_id\":\"lah4b\",\"control_available\":true}}")),
                HostServices.cohort(host("{\"id\":\"a\",\"cohort\":{\"type\":\"swarm\",\"member_id\":\"x9\",\"control_available\":false}}")),
                HostServices.cohort(host("{\"id\":\"a\"}")))).containsExactly("swarm lah4b (control)", "swarm x9", "");
    }
}
