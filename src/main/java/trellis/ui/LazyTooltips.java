package trellis.ui;

import java.util.List;
import javafx.event.EventHandler;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;

/**
 * Tooltips made when the pointer first enters their control. A {@link Tooltip} is a popup window
 * with its own scene; the toolbar's seven cost the first frame their windows while nobody has
 * hovered anything yet. The text is the control's {@code accessibleHelp} (set in the FXML), which
 * assistive tools read from the start; the tooltip shows that same text.
 */
final class LazyTooltips {
    private LazyTooltips() {
    }

    /** Every control among {@code nodes} (a toolbar's items) with an accessible help text gets it as a tooltip on first hover. */
    static void install(List<Node> nodes) {
        for (Node child : nodes) {
            if (child instanceof Control control && control.getAccessibleHelp() != null && control.getTooltip() == null) {
                onFirstHover(control);
            }
        }
    }

    private static void onFirstHover(Control control) {
        EventHandler<MouseEvent> first = new EventHandler<>() {
            @Override
            public void handle(MouseEvent e) {
                control.removeEventHandler(MouseEvent.MOUSE_ENTERED, this);
                if (control.getTooltip() == null) {
                    control.setTooltip(new Tooltip(control.getAccessibleHelp()));
                }
            }
        };
        control.addEventHandler(MouseEvent.MOUSE_ENTERED, first);
    }
}
