package trellis.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Addresses break after their delimiters, never mid-word (measured here one unit a character, as a monospace font). */
class AddressWrapTest {
    private static final String CONNECTION = "postgresql://app@127.0.0.1:5432/inventory";

    @Test
    void anAddressIsCutAfterEachRunOfDelimiters() {
        assertThat(AddressWrap.pieces(CONNECTION)).containsExactly("postgresql://", "app@", "127.0.0.1:5432/", "inventory");
        assertThat(AddressWrap.pieces("http://127.0.0.1:3100/mcp/v1?token=x&debug=1"))
                .containsExactly("http://", "127.0.0.1:3100/", "mcp/", "v1?", "token=x&", "debug=1");
        assertThat(AddressWrap.pieces("/")).containsExactly("/");
        assertThat(AddressWrap.pieces("inventory")).containsExactly("inventory");
        assertThat(AddressWrap.pieces("")).isEmpty();
    }

    @Test
    void linesFillTheWidthAndEndAtADelimiter() {
        assertThat(AddressWrap.wrap(CONNECTION, 20, String::length)).isEqualTo("postgresql://app@\n127.0.0.1:5432/\ninventory");
        assertThat(AddressWrap.wrap(CONNECTION, 32, String::length)).isEqualTo("postgresql://app@127.0.0.1:5432/\ninventory");
    }

    @Test
    void anAddressThatFitsIsLeftWhole() {
        assertThat(AddressWrap.wrap(CONNECTION, CONNECTION.length(), String::length)).isEqualTo(CONNECTION);
    }

    @Test
    void aPieceWiderThanTheLineHasALineOfItsOwn() {
        assertThat(AddressWrap.wrap(CONNECTION, 5, String::length)).isEqualTo("postgresql://\napp@\n127.0.0.1:5432/\ninventory");
    }
}
