package trellis.ui.graph;

import java.util.List;
import java.util.Optional;

/**
 * Arrow-key moves between instance cards, as plain data: the picture is columns (one per host
 * that has instances, in host order) of instance ids (top to bottom). Left and right go to the
 * neighbouring column, keeping the row where it can (else its last row); up and down move within
 * the column. A move past an edge stays put. With nothing (or something unknown) selected, any
 * arrow picks the first instance.
 */
public final class GridNavigation {
    private GridNavigation() {
    }

    /**
     * The instance to select after an arrow.
     *
     * @param columns instance ids per host; hosts without instances may be given as empty lists
     * @param current the selected instance id, or null
     * @param dx      -1 left, 1 right, 0 neither
     * @param dy      -1 up, 1 down, 0 neither
     * @return the id to select, empty when there are no instances at all
     */
    public static Optional<String> next(List<List<String>> columns, String current, int dx, int dy) {
        List<List<String>> cols = columns.stream().filter(c -> !c.isEmpty()).toList();
        if (cols.isEmpty()) {
            return Optional.empty();
        }
        int col = -1;
        int row = 0;
        for (int c = 0; c < cols.size() && current != null; c++) {
            int r = cols.get(c).indexOf(current);
            if (r >= 0) {
                col = c;
                row = r;
            }
        }
        if (col < 0) {
            return Optional.of(cols.get(0).get(0));
        }
        col = clamp(col + dx, cols.size());
        row = clamp(row + dy, cols.get(col).size());
        return Optional.of(cols.get(col).get(row));
    }

    private static int clamp(int i, int size) {
        return Math.max(0, Math.min(size - 1, i));
    }
}
