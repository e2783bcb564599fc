/**
 * Keyboard movement in a grid of cells, after the grid pattern of the
 * WAI-ARIA Authoring Practices: arrows move one cell and stop at the edges,
 * Home and End go to the ends of the row, Ctrl+Home and Ctrl+End to the
 * first and last cell, Page Up and Page Down to the top and bottom of the
 * column. Cells are numbered row by row; other keys give undefined.
 */
export function gridMove(
  key: string,
  index: number,
  rows: number,
  cols: number,
  ctrl = false,
): number | undefined {
  const row = Math.floor(index / cols);
  const col = index % cols;
  switch (key) {
    case 'ArrowRight':
      return col < cols - 1 ? index + 1 : index;
    case 'ArrowLeft':
      return col > 0 ? index - 1 : index;
    case 'ArrowDown':
      return row < rows - 1 ? index + cols : index;
    case 'ArrowUp':
      return row > 0 ? index - cols : index;
    case 'Home':
      return ctrl ? 0 : row * cols;
    case 'End':
      return ctrl ? rows * cols - 1 : row * cols + cols - 1;
    case 'PageUp':
      return col;
    case 'PageDown':
      return (rows - 1) * cols + col;
    default:
      return undefined;
  }
}
