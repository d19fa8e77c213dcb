package trellis.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Database node form's state and checks, without a dialog. */
class NodeDialogModelTest {
    final NodeDialogModel m = new NodeDialogModel(Map.of("PG_ADMIN_PW", "x")::get);

    @Test
    void attachingNeedsTheConnectionAndOnePasswordSource() {
        assertThat(m.problemProperty().get()).startsWith("Node: enter the name");
        m.nodeProperty().set("n1");
        assertThat(m.problem()).as("the defaults connect to postgres@127.0.0.1:5432").isEmpty();
        m.portProperty().set("70000");
        assertThat(m.problemProperty().get()).isEqualTo("Port: '70000' is not a port; enter a number from 1 to 65535.");
        m.portProperty().set(" 5433 ");
        m.passwordTypedProperty().set(true);
        m.passwordEnvProperty().set("PG_ADMIN_PW");
        assertThat(m.problemProperty().get()).contains("not both");
        m.passwordTypedProperty().set(false);
        assertThat(m.problem()).isEmpty();
        m.provisionProperty().set(true);
        NodeDialog.Request r = m.request(new char[0]);
        assertThat(r).extracting(NodeDialog.Request::node, NodeDialog.Request::mode, NodeDialog.Request::host, NodeDialog.Request::port,
                NodeDialog.Request::passwordEnv, NodeDialog.Request::containerHost, NodeDialog.Request::provision)
                .containsExactly("n1", NodeDialog.Mode.ATTACH, "127.0.0.1", 5433, "PG_ADMIN_PW", null, true);
    }

    @Test
    void startingOneNeedsOnlyTheName() {
        m.nodeProperty().set("n2");
        m.portProperty().set("not a port");
        assertThat(m.problem()).isPresent();
        m.modeProperty().set(NodeDialog.Mode.CONTAINER);
        assertThat(m.problem()).isEmpty();
        assertThat(m.request("pw".toCharArray()).port()).isZero();
        assertThat(m.request("pw".toCharArray()).mode()).isEqualTo(NodeDialog.Mode.CONTAINER);
    }
}
