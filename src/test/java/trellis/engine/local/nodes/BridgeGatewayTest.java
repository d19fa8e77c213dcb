package trellis.engine.local.nodes;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Where the node listens for containers: the bridge's configured gateway, else the bridge interface's address. */
class BridgeGatewayTest {
    @Test
    void theConfiguredGatewayWins() {
        assertThat(NodeStarter.gatewayOf("172.18.0.1", () -> "172.17.0.1")).isEqualTo("172.18.0.1");
        assertThat(NodeStarter.gatewayOf("172.18.0.1", () -> {
            throw new AssertionError("the bridge interface looked up although the config named the gateway");
        })).isEqualTo("172.18.0.1");
    }

    @Test
    void withoutOneInTheConfigTheBridgesOwnAddressIsTaken() {
        // Debian's Docker 20.10 gives the default bridge's subnet only: {"Subnet":"172.17.0.0/16"}
        assertThat(NodeStarter.gatewayOf(null, () -> "172.17.0.1")).isEqualTo("172.17.0.1");
        assertThat(NodeStarter.gatewayOf("", () -> "172.17.0.1")).isEqualTo("172.17.0.1");
    }

    @Test
    void withNeitherThereIsNone() {
        assertThat(NodeStarter.gatewayOf(null, () -> null)).isNull();
    }

    @Test
    void anInterfaceThatIsNotThereHasNoAddress() {
        assertThat(NodeStarter.interfaceAddress("no-such-bridge0")).isNull();
        assertThat(NodeStarter.interfaceAddress("lo")).isEqualTo("127.0.0.1");
    }
}
