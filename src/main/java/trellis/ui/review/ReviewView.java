package trellis.ui.review;

import java.util.List;
import javafx.collections.FXCollections;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import trellis.spec.DatabaseSpec;
import trellis.spec.Host;
import trellis.topology.Plan;
import trellis.topology.PlanChange;
import trellis.topology.RoleGrants;
import trellis.ui.model.ReviewWarnings;
import trellis.ui.model.SpecDiff;

/**
 * The review before apply: the plan in words, the spec before and after side by side (secrets
 * masked, the server's fields hidden), the role grants and revokes the apply runs, and what needs a
 * person. Controls: {@code #review-plan}, {@code #review-diff-before}, {@code #review-diff-after},
 * {@code #review-grants}, {@code #review-warnings}, and {@code #review-error} for what the server said.
 */
public final class ReviewView extends VBox {
    private final Label error = new Label();

    private ReviewView(DatabaseSpec before, DatabaseSpec after, List<Host> hosts, String databaseId) {
        getStyleClass().add("review");
        setSpacing(6);
        // grants and revokes have their own list below, in the words the engine runs them
        List<String> plan = Plan.between(before, after).stream()
                .filter(c -> c.kind() != PlanChange.Kind.GRANT && c.kind() != PlanChange.Kind.REVOKE)
                .map(PlanChange::toString).toList();
        ListView<String> planList = list("review-plan", plan.isEmpty() ? List.of("Nothing changes.") : plan);
        List<String> grants = RoleGrants.between(before, after, databaseId).stream().map(RoleGrants.Grant::text).toList();
        ListView<String> grantList = list("review-grants", grants.isEmpty() ? List.of("No role is granted or revoked.") : grants);
        List<String> warnings = ReviewWarnings.of(before, after, hosts, databaseId);
        VBox warningList = new VBox(4);
        warningList.setId("review-warnings");
        warningList.getStyleClass().addAll("review-warnings", warnings.isEmpty() ? "review-quiet" : "review-attention");
        for (String w : warnings.isEmpty() ? List.of("Nothing needs you before applying.") : warnings) {
            Label l = new Label(w);
            l.setWrapText(true);
            l.getStyleClass().add("review-warning");
            warningList.getChildren().add(l);
        }

        List<SpecDiff.Row> rows = SpecDiff.rows(before, after);
        ListView<SpecDiff.Row> left = diff("review-diff-before", rows, true);
        ListView<SpecDiff.Row> right = diff("review-diff-after", rows, false);
        SplitPane sides = new SplitPane(titled("Before", left), titled("After", right));
        sides.setDividerPositions(0.5);
        VBox.setVgrow(sides, Priority.ALWAYS);
        sceneProperty().addListener((o, was, scene) -> {
            if (scene != null) {
                javafx.application.Platform.runLater(() -> {
                    syncScroll(left, right);
                    firstChange(rows).ifPresent(i -> {
                        left.scrollTo(Math.max(0, i - 3));
                        right.scrollTo(Math.max(0, i - 3));
                    });
                });
            }
        });

        error.setId("review-error");
        error.getStyleClass().add("review-error");
        error.setWrapText(true);
        error.managedProperty().bind(error.textProperty().isNotEmpty());
        error.visibleProperty().bind(error.managedProperty());

        planList.setPrefHeight(rowsHeight(planList.getItems().size(), 6));
        grantList.setPrefHeight(rowsHeight(grantList.getItems().size(), 4));
        getChildren().addAll(error, heading("What changes"), planList, heading("The spec, before and after"), sides,
                heading("Role grants and revokes"), grantList, heading("Needs you"), warningList);
    }

    /** The review of applying {@code after} over {@code before}; {@code hosts} tells which hosts cannot take services. */
    public static ReviewView of(DatabaseSpec before, DatabaseSpec after, List<Host> hosts) {
        String id = after.databaseName() != null ? after.databaseName() : before.databaseName();
        return new ReviewView(before, after, hosts, id);
    }

    /** The seam the wizard's last page shows: (before, after) to a node, no hosts known. */
    public static Node node(DatabaseSpec before, DatabaseSpec after) {
        return of(before, after, List.of());
    }

    /** Shows what the server said at the top of the review; empty clears it. */
    public void showError(String message) {
        error.setText(message == null ? "" : message);
    }

    private static java.util.Optional<Integer> firstChange(List<SpecDiff.Row> rows) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).kind() != SpecDiff.Kind.SAME) {
                return java.util.Optional.of(i);
            }
        }
        return java.util.Optional.empty();
    }

    private static double rowsHeight(int rows, int max) {
        return Math.min(Math.max(rows, 1), max) * 24 + 4;
    }

    private static Label heading(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("review-heading");
        return l;
    }

    private static VBox titled(String title, Node content) {
        Label l = new Label(title);
        l.getStyleClass().add("review-side");
        VBox box = new VBox(2, l, content);
        VBox.setVgrow(content, Priority.ALWAYS);
        return box;
    }

    private static ListView<String> list(String id, List<String> items) {
        ListView<String> l = new ListView<>(FXCollections.observableArrayList(items));
        l.setId(id);
        l.getStyleClass().add("review-list");
        l.setFixedCellSize(24);
        return l;
    }

    private static ListView<SpecDiff.Row> diff(String id, List<SpecDiff.Row> rows, boolean before) {
        ListView<SpecDiff.Row> l = new ListView<>(FXCollections.observableArrayList(rows));
        l.setId(id);
        l.getStyleClass().addAll("review-list", "review-diff");
        l.setFixedCellSize(20);
        l.setPrefHeight(260);
        l.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(SpecDiff.Row row, boolean empty) {
                super.updateItem(row, empty);
                getStyleClass().removeAll("diff-same", "diff-changed", "diff-added", "diff-removed", "diff-blank");
                if (empty || row == null) {
                    setText(null);
                    return;
                }
                String text = before ? row.before() : row.after();
                setText(text == null ? "" : text);
                getStyleClass().add(text == null ? "diff-blank" : "diff-" + row.kind().name().toLowerCase(java.util.Locale.ROOT));
            }
        });
        return l;
    }

    private static void syncScroll(ListView<?> a, ListView<?> b) {
        ScrollBar sa = vertical(a);
        ScrollBar sb = vertical(b);
        if (sa != null && sb != null) {
            sa.valueProperty().bindBidirectional(sb.valueProperty());
        }
    }

    private static ScrollBar vertical(ListView<?> l) {
        for (Node n : l.lookupAll(".scroll-bar")) {
            if (n instanceof ScrollBar s && s.getOrientation() == Orientation.VERTICAL) {
                return s;
            }
        }
        return null;
    }
}
