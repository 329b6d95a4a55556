package org.zhicheng.documents.pdf;

/**
 * A rectangle on a page in points, measured from the page's top-left corner (as forms are drawn and read).
 *
 * @param left the distance of the left edge from the page's left edge
 * @param top the distance of the top edge from the page's top edge
 * @param width the width
 * @param height the height
 */
public record Box(float left, float top, float width, float height) {

    public Box {
        if (width < 0 || height < 0) {
            throw new IllegalArgumentException("a box cannot have a negative size: " + width + " x " + height);
        }
    }

    /** Millimetres to points, for layouts specified on paper. */
    public static float mm(double millimetres) {
        return (float) (millimetres * 72.0 / 25.4);
    }

    /** This box without {@code inset} on every side. */
    public Box inset(float inset) {
        return new Box(left + inset, top + inset, Math.max(0, width - 2 * inset), Math.max(0, height - 2 * inset));
    }

    public float right() {
        return left + width;
    }

    public float bottom() {
        return top + height;
    }
}
