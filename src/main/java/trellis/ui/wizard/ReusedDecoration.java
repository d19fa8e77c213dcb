package trellis.ui.wizard;

import java.util.Map;
import java.util.WeakHashMap;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import org.controlsfx.validation.ValidationMessage;
import org.controlsfx.validation.decoration.GraphicValidationDecoration;

/**
 * ControlsFX's graphic decoration (the error mark at the field's corner, its message as a
 * tooltip), with one mark per field made once and its tooltip's text changed after: the stock one
 * makes a new label, tooltip and inline style each time a field's message comes or changes, which
 * was most of a keystroke's time on the FX thread.
 */
final class ReusedDecoration extends GraphicValidationDecoration {
    private final Map<Control, Node> marks = new WeakHashMap<>();

    @Override
    protected Node createDecorationNode(ValidationMessage message) {
        Node mark = marks.computeIfAbsent(message.getTarget(), c -> super.createDecorationNode(message));
        if (mark instanceof Label l && l.getTooltip() != null) {
            l.getTooltip().setText(message.getText());
        }
        return mark;
    }
}
