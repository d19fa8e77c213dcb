package trellis.ui.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import trellis.ui.graph.LineRouter.Box;
import trellis.ui.graph.LineRouter.Point;

/**
 * Three host cards 240 wide with an 18 px gap (half gutter 9, so the colour offsets are exact:
 * -4.5, -1.5, 1.5, 4.5), the host row's top at y 60; an instance at y 200..240, a node at y 100..130.
 */
class LineRouterTest {
    /** As css/trellis.css sets them: lane 6 above the row, 3 per colour, lines at most 3 apart, half gutter at least 4. */
    static final LineRouter.Spacing SPACING = new LineRouter.Spacing(6, 3, 3, 4);
    static final Box HOST_A = new Box(0, 60, 240, 400);
    static final Box HOST_B = new Box(258, 60, 498, 400);
    static final Box HOST_C = new Box(516, 60, 756, 400);
    static final Box INSTANCE_A = new Box(10, 200, 230, 240);
    static final Box INSTANCE_C = new Box(526, 200, 746, 240);
    static final Box NODE_A = new Box(10, 100, 230, 130);
    static final Box NODE_B = new Box(268, 100, 488, 130);
    static final Box NODE_C = new Box(526, 100, 746, 130);

    final LineRouter router = new LineRouter(SPACING, 18, 60);

    static Point p(double x, double y) {
        return new Point(x, y);
    }

    @Test
    void aNodeOnTheSameHostIsReachedByABracketInTheGutterToItsLeft() {
        assertThat(router.route(INSTANCE_A, HOST_A, NODE_A, HOST_A, 0))
                .containsExactly(p(10, 220), p(-13.5, 220), p(-13.5, 115), p(10, 115));
    }

    @Test
    void aNeighbourToTheRightSharesTheOneGutterBetweenTheHosts() {
        assertThat(router.route(INSTANCE_A, HOST_A, NODE_B, HOST_B, 1))
                .containsExactly(p(230, 220), p(247.5, 220), p(247.5, 115), p(268, 115));
    }

    @Test
    void aNeighbourToTheLeftLeavesFromTheInstancesLeftSide() {
        Box instanceB = new Box(268, 200, 488, 240);
        assertThat(router.route(instanceB, HOST_B, NODE_A, HOST_A, 1))
                .containsExactly(p(268, 220), p(247.5, 220), p(247.5, 115), p(230, 115));
    }

    @Test
    void aFarHostIsReachedThroughTheLaneAboveTheHostRow() {
        // colour 2: offset +1.5, lane 60 - 6 - 2 * 3 = 48
        assertThat(router.route(INSTANCE_A, HOST_A, NODE_C, HOST_C, 2))
                .containsExactly(p(230, 220), p(250.5, 220), p(250.5, 48), p(508.5, 48), p(508.5, 115), p(526, 115));
    }

    @Test
    void aFarHostToTheLeftRunsTheSameLaneBackwards() {
        // colour 3: offset +4.5, lane 60 - 6 - 0 * 3 = 54
        assertThat(router.route(INSTANCE_C, HOST_C, NODE_A, HOST_A, 3))
                .containsExactly(p(526, 220), p(511.5, 220), p(511.5, 54), p(253.5, 54), p(253.5, 115), p(230, 115));
    }

    @Test
    void coloursPastThePaletteOfOffsetsWrapAround() {
        // colour 4 takes colour 0's gutter offset (-4.5) and colour 1's lane (60 - 6 - 3 = 51)
        assertThat(router.route(INSTANCE_A, HOST_A, NODE_C, HOST_C, 4))
                .containsExactly(p(230, 220), p(244.5, 220), p(244.5, 51), p(502.5, 51), p(502.5, 115), p(526, 115));
    }

    @Test
    void routesOfDifferentServicesLieSideBySide() {
        List<Double> gutters = java.util.stream.IntStream.range(0, 4)
                .mapToObj(c -> router.route(INSTANCE_A, HOST_A, NODE_A, HOST_A, c).get(1).x()).toList();
        assertThat(gutters).containsExactly(-13.5, -10.5, -7.5, -4.5);
    }

    @Test
    void hostsPackedTighterThanTheMinimumGutterAreJoinedThroughTheLane() {
        // no gap: the half gutter is still 4, offset step 4 / 3 (colour 0: -2), and the two
        // gutters (242 and 234) are a whole gutter apart, so the route takes the lane (54)
        LineRouter tight = new LineRouter(SPACING, 0, 60);
        Box hostB = new Box(240, 60, 480, 400);
        Box nodeB = new Box(250, 100, 470, 130);
        List<Point> r = tight.route(INSTANCE_A, HOST_A, nodeB, hostB, 0);
        assertThat(r).hasSize(6);
        double[] expected = {230, 220, 242, 220, 242, 54, 234, 54, 234, 115, 250, 115};
        for (int k = 0; k < r.size(); k++) {
            assertThat(r.get(k).x()).isCloseTo(expected[2 * k], within(1e-9));
            assertThat(r.get(k).y()).isCloseTo(expected[2 * k + 1], within(1e-9));
        }
    }
}
