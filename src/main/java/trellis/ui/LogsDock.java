package trellis.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.BorderPane;

/**
 * The Logs tab's controller; view {@code fxml/LogsDock.fxml}, state {@link LogsModel}. The view
 * is loaded on the tab's first selection, so that it costs the first frame nothing.
 */
public final class LogsDock {
    @FXML private BorderPane logsPane;
    @FXML private Label logsLabel;
    @FXML private TextField logsFilter;
    @FXML private ToggleButton logsPause;
    @FXML private ListView<String> logsView;

    /** Loads the view into the tab when it is first selected, bound to the model. */
    static void loadOnFirstSelection(Tab tab, LogsModel model) {
        tab.setOnSelectionChanged(e -> {
            if (tab.isSelected() && tab.getContent() == null) {
                FXMLLoader loader = new FXMLLoader(LogsDock.class.getResource("/trellis/fxml/LogsDock.fxml"));
                try {
                    loader.load();
                } catch (IOException ex) {
                    throw new UncheckedIOException(ex);
                }
                LogsDock dock = loader.getController();
                dock.bind(model);
                tab.setContent(dock.logsPane);
            }
        });
    }

    private void bind(LogsModel model) {
        logsLabel.textProperty().bind(model.statusProperty());
        logsFilter.textProperty().bindBidirectional(model.filterProperty());
        logsPause.selectedProperty().bindBidirectional(model.pausedProperty());
        logsView.setItems(model.shown());
    }
}
