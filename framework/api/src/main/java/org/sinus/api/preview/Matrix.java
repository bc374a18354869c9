package org.sinus.api.preview;

/**
 * A matrix of {@code rows × columns} values, row-major: row {@code r}, column {@code c} is
 * {@code values[r * columns + c]}.
 *
 * @param title shown above it; may be empty
 */
public record Matrix(String title, float[] values, int rows, int columns) {
  public Matrix {
    title = title == null ? "" : title;
    if (rows < 1 || columns < 1 || (long) rows * columns != values.length) {
      throw new IllegalArgumentException("matrix '" + title + "' of " + rows + " × " + columns
          + " cells needs " + (long) rows * columns + " values, got " + values.length);
    }
  }

  public float value(int row, int column) {
    return values[row * columns + column];
  }

  /** The same cells under another title. */
  public Matrix withTitle(String newTitle) {
    return new Matrix(newTitle, values, rows, columns);
  }
}
