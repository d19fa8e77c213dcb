package trellis.ui.graph;

import java.util.function.Function;
import javafx.css.CssMetaData;
import javafx.css.SimpleStyleableDoubleProperty;
import javafx.css.Styleable;
import javafx.css.StyleableDoubleProperty;
import javafx.css.StyleableProperty;
import javafx.css.converter.SizeConverter;

/**
 * Sizes of the picture's own that CSS sets ({@code -trellis-*} properties), so that no width,
 * gap or height is written in Java. Without a stylesheet they are 0.
 */
final class CssSizes {
    private CssSizes() {
    }

    /** The CSS side of a size property: its name in the stylesheet and where a node keeps it. */
    static <S extends Styleable> CssMetaData<S, Number> meta(String property, Function<S, StyleableDoubleProperty> get) {
        return new CssMetaData<>(property, SizeConverter.getInstance(), 0.0) {
            @Override
            public boolean isSettable(S s) {
                return !get.apply(s).isBound();
            }

            @Override
            public StyleableProperty<Number> getStyleableProperty(S s) {
                return get.apply(s);
            }
        };
    }

    /** A node's size property, running {@code changed} when CSS sets it to something new. */
    static <S extends Styleable> StyleableDoubleProperty property(CssMetaData<S, Number> meta, S bean, String name,
                                                                  Runnable changed) {
        return new SimpleStyleableDoubleProperty(meta, bean, name, 0.0) {
            @Override
            protected void invalidated() {
                changed.run();
            }
        };
    }
}
