package trellis.ui;

import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.stage.Stage;

/** The window's remembered layout: geometry, splits and the polling interval, kept in the settings. */
final class WindowLayout {
    private final Settings settings;
    private final SplitPane mainSplit;
    private final SplitPane verticalSplit;
    private final Spinner<Integer> interval;

    WindowLayout(Settings settings, SplitPane mainSplit, SplitPane verticalSplit, Spinner<Integer> interval) {
        this.settings = settings;
        this.mainSplit = mainSplit;
        this.verticalSplit = verticalSplit;
        this.interval = interval;
    }

    /** The split positions the window was last left with (the defaults at first). */
    static FirstFrame.Splits splits(Settings settings) {
        FirstFrame.Splits d = FirstFrame.Splits.DEFAULT;
        return new FirstFrame.Splits(settings.get("split.left", d.left()), settings.get("split.right", d.right()), settings.get("split.dock", d.dock()));
    }

    void restore() {
        FirstFrame.Splits splits = splits(settings);
        mainSplit.setDividerPositions(splits.left(), splits.right());
        verticalSplit.setDividerPositions(splits.dock());
        int seconds = (int) settings.get("interval", 2);
        interval.getValueFactory().setValue(Math.max(1, Math.min(60, seconds)));
    }

    /** Saves window and split positions and writes the settings; called when the window closes. */
    void save(Stage stage) {
        if (stage != null) {
            settings.put("window.x", stage.getX());
            settings.put("window.y", stage.getY());
            settings.put("window.w", stage.getWidth());
            settings.put("window.h", stage.getHeight());
        }
        double[] d = mainSplit.getDividerPositions();
        if (d.length == 2) {
            settings.put("split.left", d[0]);
            settings.put("split.right", d[1]);
        }
        settings.put("split.dock", verticalSplit.getDividerPositions()[0]);
        settings.put("interval", interval.getValue());
        settings.flush();
    }
}
