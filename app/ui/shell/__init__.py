"""The main window, its menus, the welcome page, help and first-run wizard."""
