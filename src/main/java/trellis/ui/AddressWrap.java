package trellis.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.control.Label;
import javafx.scene.text.Text;

/**
 * Shows an address (a service URL, a connection string) wrapped at its delimiters, as a browser's address
 * field or pgAdmin's connection dialog breaks one, not mid-word: JavaFX wraps plain text at white space only,
 * and an address has none, so a narrow details pane cut "inventory" into "inventor" and "y". The label shows
 * the address in lines that end after a run of {@code / @ ? &}; a piece wider than the whole line is still
 * wrapped by the label. The address itself (copied, read by assistive tools) has no line break.
 */
final class AddressWrap {
    private static final String DELIMITERS = "/@?&";

    private AddressWrap() {
    }

    /** The address in pieces, each ending after a run of delimiters (the last may end without one). */
    static List<String> pieces(String address) {
        List<String> pieces = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < address.length(); i++) {
            boolean delimiter = DELIMITERS.indexOf(address.charAt(i)) >= 0;
            boolean nextIsDelimiter = i + 1 < address.length() && DELIMITERS.indexOf(address.charAt(i + 1)) >= 0;
            if (delimiter && !nextIsDelimiter) {
                pieces.add(address.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < address.length()) {
            pieces.add(address.substring(start));
        }
        return pieces;
    }

    /** The address in lines no wider than {@code width} (as {@code measure} says) where the pieces allow, joined by newlines. */
    static String wrap(String address, double width, ToDoubleFunction<String> measure) {
        StringBuilder out = new StringBuilder();
        String line = "";
        for (String piece : pieces(address)) {
            if (!line.isEmpty() && measure.applyAsDouble(line + piece) > width) {
                out.append(line).append('\n');
                line = piece;
            } else {
                line += piece;
            }
        }
        return out.append(line).toString();
    }

    /**
     * Shows {@code address} in {@code label}, wrapped for the label's width and font; the label takes its
     * container's whole width, so that its lines never decide the width they are wrapped for.
     */
    static void bind(Label label, ObservableStringValue address) {
        label.setMaxWidth(Double.MAX_VALUE);
        Text measure = new Text();
        label.textProperty().bind(Bindings.createStringBinding(() -> {
            String text = address.get();
            double width = label.getWidth() - label.snappedLeftInset() - label.snappedRightInset();
            if (text == null || width <= 0) {
                return text;
            }
            measure.setFont(label.getFont());
            return wrap(text, width, s -> {
                measure.setText(s);
                return measure.getLayoutBounds().getWidth();
            });
        }, address, label.widthProperty(), label.fontProperty()));
        label.accessibleTextProperty().bind(address);
    }
}
