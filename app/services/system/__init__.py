"""The app itself: paths, streams, logs, crash log, self-test, health."""
