package trellis.ui;

import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;

/**
 * A line of the event log: one row each, a failure marked {@code event-failed}; a line too long for the dock ends
 * in "…" and shows whole in a tooltip. Rows are all one height ({@code -fx-fixed-cell-size} in the style sheet):
 * with wrapped rows of different heights the list measured its 2,000 lines a few at a time in an invisible cell
 * after every change, and JavaFX repaints the whole window for a pulse whose only changes are out of sight.
 */
final class EventLogCell extends ListCell<String> {
    /** Wide enough for a long error and its way out in a few lines, narrow enough to stay near the pointer. */
    static final double TOOLTIP_WIDTH = 640;

    EventLogCell(ListView<String> view) {
        // as wide as the dock (less a scroll bar): the list scrolls down, never sideways
        prefWidthProperty().bind(view.widthProperty().subtract(24));
        setMaxWidth(USE_PREF_SIZE);
        setEllipsisString("…");
        // wrapped at the row's width, of which one line fits the row: the same "…" at the end as a single line cut
        // short, but laid out for that width (an unwrapped label's layout goes into JavaFX's text-layout cache, and
        // 2,000 distinct lines kept megabytes of it alive in the soak)
        setWrapText(true);
        // made when the pointer first rests on the row: a tooltip is a popup window, and the log's rows are in the first frame
        addEventHandler(MouseEvent.MOUSE_ENTERED, e -> {
            if (getTooltip() == null && !isEmpty() && getItem() != null) {
                Tooltip t = new Tooltip(getItem());
                t.setWrapText(true);
                t.setMaxWidth(TOOLTIP_WIDTH);
                setTooltip(t);
            }
        });
    }

    @Override
    protected void updateItem(String item, boolean empty) {
        super.updateItem(item, empty);
        String text = empty ? null : item;
        setText(text);
        if (getTooltip() != null) {
            if (text == null) {
                setTooltip(null);
            } else {
                getTooltip().setText(text);
            }
        }
        getStyleClass().remove("event-failed");
        if (!empty && item != null && item.contains("→ failed")) {
            getStyleClass().add("event-failed");
        }
    }
}
