package trellis.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The Bind host form's state and checks, without a dialog. */
class HostDialogModelTest {
    @Test
    void theProblemFollowsWhatIsTypedAndTheRequestIsStripped() {
        HostDialogModel m = new HostDialogModel();
        assertThat(m.problemProperty().get()).startsWith("Host id: enter");
        m.hostIdProperty().set(" host-2 ");
        assertThat(m.problem()).get().asString().startsWith("Docker engine: '' is not an engine address");
        m.endpointProperty().set("docker.example:2375");
        assertThat(m.problemProperty().get()).startsWith("Docker engine: 'docker.example:2375' is not an engine address");
        m.endpointProperty().set(" tcp://10.0.0.5:2376 ");
        assertThat(m.problem()).isEmpty();
        assertThat(m.problemProperty().get()).isEmpty();
        assertThat(m.request()).isEqualTo(new HostDialog.Request("host-2", "tcp://10.0.0.5:2376"));
        m.hostIdProperty().set("host 2");
        assertThat(m.problemProperty().get()).startsWith("Host id: 'host 2' is not a host id");
    }
}
