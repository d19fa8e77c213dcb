package trellis.ui;

import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;

/** A line of the event log: wraps within the dock, and a failure is marked {@code event-failed}. */
final class EventLogCell extends ListCell<String> {
    EventLogCell(ListView<String> view) {
        // long lines (an error, the way to start Docker) wrap within the dock instead of
        // hiding their end behind a horizontal scroll bar
        setWrapText(true);
        prefWidthProperty().bind(view.widthProperty().subtract(24));
        setMaxWidth(USE_PREF_SIZE);
    }

    @Override
    protected void updateItem(String item, boolean empty) {
        super.updateItem(item, empty);
        setText(empty ? null : item);
        getStyleClass().remove("event-failed");
        if (!empty && item != null && item.contains("→ failed")) {
            getStyleClass().add("event-failed");
        }
    }
}
