"""The month's summary: PDF export, signing, verification, dashboard, targets."""
