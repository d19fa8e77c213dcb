package trellis.ui.graph;

import java.util.List;

/**
 * Where the line from a service instance to a database node runs, as plain geometry: no
 * scene graph, boxes in, corner points out. A route is orthogonal and stays out of every card's
 * content: from the instance's side into the gutter next to its host card, along the gutters
 * (and, past other hosts, the lane above the host row) to the gutter next to the node's host,
 * then into the node. Each service colour keeps its own offset, so the routes of different
 * services lie side by side instead of on top of each other.
 */
public final class LineRouter {
    /** An axis-aligned box in the picture's own (unscaled) coordinates. */
    public record Box(double minX, double minY, double maxX, double maxY) {
        double centerY() {
            return (minY + maxY) / 2;
        }
    }

    /** One corner of a route. */
    public record Point(double x, double y) { }

    /**
     * The router's own distances (CSS's {@code -trellis-*} properties of the connection layer).
     *
     * @param laneAboveRow  how far above the host row the lane past other hosts runs
     * @param laneStep      how much higher each further colour's lane runs (three lanes)
     * @param lineStep      the most that lines of neighbouring colours lie apart in a gutter (four offsets)
     * @param minHalfGutter the least half gutter, however close the host cards are
     */
    public record Spacing(double laneAboveRow, double laneStep, double lineStep, double minHalfGutter) { }

    private final Spacing spacing;
    private final double half;
    private final double rowTop;

    /**
     * @param gap    the space between two host cards (the host row's spacing)
     * @param rowTop the top of the host row
     */
    public LineRouter(Spacing spacing, double gap, double rowTop) {
        this.spacing = spacing;
        this.half = Math.max(spacing.minHalfGutter(), gap / 2);
        this.rowTop = rowTop;
    }

    /** The corners of the route from an instance to a node, start to end. */
    public List<Point> route(Box instance, Box instanceHost, Box node, Box nodeHost, int colour) {
        double offset = ((colour % 4) - 1.5) * Math.min(spacing.lineStep(), half / 3);
        double ay = instance.centerY();
        double by = node.centerY();
        if (Math.abs(instanceHost.minX() - nodeHost.minX()) < 1) {
            // same host: a bracket in the gutter to its left
            double gx = instanceHost.minX() - half + offset;
            return List.of(new Point(instance.minX(), ay), new Point(gx, ay), new Point(gx, by), new Point(node.minX(), by));
        }
        boolean left = nodeHost.maxX() < instanceHost.minX();
        double gxa = left ? instanceHost.minX() - half + offset : instanceHost.maxX() + half + offset;
        double gxb = left ? nodeHost.maxX() + half + offset : nodeHost.minX() - half + offset;
        double sx = left ? instance.minX() : instance.maxX();
        double ex = left ? node.maxX() : node.minX();
        if (Math.abs(gxa - gxb) < 2 * half) {
            // neighbouring hosts share one gutter
            return List.of(new Point(sx, ay), new Point(gxa, ay), new Point(gxa, by), new Point(ex, by));
        }
        double lane = rowTop - spacing.laneAboveRow() - (colour % 3) * spacing.laneStep();
        return List.of(new Point(sx, ay), new Point(gxa, ay), new Point(gxa, lane), new Point(gxb, lane),
                new Point(gxb, by), new Point(ex, by));
    }
}
