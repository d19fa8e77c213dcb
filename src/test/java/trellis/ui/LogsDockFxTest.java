package trellis.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import trellis.engine.ControlPlane;
import trellis.engine.InstanceLogs;

/** The Logs dock: its view is loaded on first selection and shows, filters and stops following the model's lines. */
@ExtendWith(ApplicationExtension.class)
class LogsDockFxTest {
    final LogsModel model = new LogsModel();
    final List<String> asked = new ArrayList<>();
    Tab logsTab;
    Sources.DatabaseRef ref;

    interface LoggingControlPlane extends ControlPlane, InstanceLogs {
    }

    @Start
    void start(Stage stage) {
        LoggingControlPlane cp = (LoggingControlPlane) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{LoggingControlPlane.class}, (p, m, a) -> switch (m.getName()) {
                    case "logs" -> {
                        asked.add(a[0] + "/" + a[1] + "/" + a[2]);
                        yield List.of("GET /health 200", "GET /items 200", "boom: connection reset");
                    }
                    case "displayName" -> "Local engine";
                    case "hashCode" -> System.identityHashCode(p);
                    case "equals" -> p == a[0];
                    default -> null;
                });
        ref = new Sources.DatabaseRef(new Sources.LiveSource("live-1", cp), "shop", "available");
        logsTab = new Tab("Logs");
        LogsDock.loadOnFirstSelection(logsTab, model);
        stage.setScene(new Scene(new TabPane(new Tab("Events"), logsTab), 600, 400));
        stage.show();
    }

    @Test
    void theViewIsLoadedOnFirstSelectionAndFollowsTheModel(FxRobot robot) {
        assertThat(logsTab.getContent()).as("nothing loaded for the first frame").isNull();
        robot.interact(() -> {
            model.follow("shop-api-host-1");
            model.refresh(TaskRunner.sameThread(), ref);
        });
        assertThat(asked).containsExactly("shop/shop-api-host-1/200");
        assertThat(model.lines()).hasSize(3);

        robot.interact(() -> logsTab.getTabPane().getSelectionModel().select(logsTab));
        assertThat(logsTab.getContent()).isNotNull();
        assertThat(robot.lookup("#logsLabel").queryAs(Label.class).getText()).isEqualTo("shop-api-host-1 — last 3 lines");
        @SuppressWarnings("unchecked")
        ListView<String> view = robot.lookup("#logsView").queryAs(ListView.class);
        assertThat(view.getItems()).hasSize(3);

        robot.clickOn("#logsFilter").write("ITEMS");
        assertThat(view.getItems()).containsExactly("GET /items 200");

        robot.clickOn("#logsPause");
        assertThat(model.pausedProperty().get()).isTrue();
        robot.interact(() -> model.refresh(TaskRunner.sameThread(), ref));
        assertThat(asked).as("paused: not followed").hasSize(1);
    }
}
