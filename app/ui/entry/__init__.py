"""Monthly data entry: the grid, its session, side panels and cell dialogs."""
