package gdkit.plot;

import java.awt.image.BufferedImage;

/**
 * A rendered figure: an image that notebooks display as a PNG, whose text form is its title.
 *
 * <p>Jupyter kernels for Java show an image as {@code image/png} plus a {@code text/plain}
 * fallback made with {@code toString()}. A plain {@link BufferedImage} gives
 * {@code BufferedImage@1b2c3d ...}, which changes on every run; a figure gives its title, so the
 * saved notebook is the same on every run and text-only viewers show what the figure is.
 */
public final class Figure extends BufferedImage {
    private final String title;

    /** An empty white-initialised RGB image of the given size in pixels, described by {@code title}. */
    Figure(int width, int height, String title) {
        super(width, height, BufferedImage.TYPE_INT_RGB);
        this.title = title == null ? "" : title;
    }

    /** The figure's title (for a grid, the panel titles joined by " | "). */
    public String title() {
        return title;
    }

    /** The title, e.g. {@code "Figure: Learning-rate sweep"}: the text a notebook shows instead of the image. */
    @Override
    public String toString() {
        return "Figure: " + title;
    }
}
