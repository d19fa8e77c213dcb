package trellis.ui.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Hosts a (three instances), an empty one, b (one) and c (two), left to right. */
class GridNavigationTest {
    static final List<List<String>> GRID = List.of(List.of("a1", "a2", "a3"), List.of(), List.of("b1"), List.of("c1", "c2"));

    static String move(String from, int dx, int dy) {
        return GridNavigation.next(GRID, from, dx, dy).orElseThrow();
    }

    @Test
    void withNothingSelectedAnyArrowPicksTheFirstInstance() {
        assertThat(move(null, 1, 0)).isEqualTo("a1");
        assertThat(move(null, -1, 0)).isEqualTo("a1");
        assertThat(move(null, 0, 1)).isEqualTo("a1");
        assertThat(move(null, 0, -1)).isEqualTo("a1");
        assertThat(move("gone", 0, 1)).as("a selection no longer in the picture").isEqualTo("a1");
    }

    @Test
    void upAndDownWalkTheHost() {
        assertThat(move("a1", 0, 1)).isEqualTo("a2");
        assertThat(move("a2", 0, 1)).isEqualTo("a3");
        assertThat(move("a3", 0, -1)).isEqualTo("a2");
        assertThat(move("c1", 0, 1)).isEqualTo("c2");
    }

    @Test
    void leftAndRightSkipHostsWithoutInstancesAndKeepTheRowWhereTheyCan() {
        assertThat(move("a1", 1, 0)).as("over the empty host").isEqualTo("b1");
        assertThat(move("a3", 1, 0)).as("b has one row").isEqualTo("b1");
        assertThat(move("b1", 1, 0)).isEqualTo("c1");
        assertThat(move("c2", -1, 0)).isEqualTo("b1");
        assertThat(move("b1", -1, 0)).isEqualTo("a1");
        List<List<String>> square = List.of(List.of("a1", "a2"), List.of("b1", "b2"));
        assertThat(GridNavigation.next(square, "a2", 1, 0)).contains("b2");
        assertThat(GridNavigation.next(square, "b2", -1, 0)).contains("a2");
    }

    @Test
    void atTheEdgesTheSelectionStays() {
        assertThat(move("a1", -1, 0)).isEqualTo("a1");
        assertThat(move("a1", 0, -1)).isEqualTo("a1");
        assertThat(move("a3", 0, 1)).isEqualTo("a3");
        assertThat(move("c1", 1, 0)).isEqualTo("c1");
        assertThat(move("c2", 0, 1)).isEqualTo("c2");
        assertThat(move("b1", 0, -1)).isEqualTo("b1");
        assertThat(move("b1", 0, 1)).isEqualTo("b1");
    }

    @Test
    void aPictureWithoutInstancesHasNothingToSelect() {
        assertThat(GridNavigation.next(List.of(), null, 1, 0)).isEqualTo(Optional.empty());
        assertThat(GridNavigation.next(List.of(List.of(), List.of()), "x", 0, 1)).isEmpty();
    }

    @Test
    void aSingleInstanceIsEveryNeighbourOfItself() {
        List<List<String>> one = List.of(List.of("only"));
        for (int[] d : new int[][]{{1, 0}, {-1, 0}, {0, 1}, {0, -1}}) {
            assertThat(GridNavigation.next(one, "only", d[0], d[1])).contains("only");
        }
    }
}
