"""The month's summary, its series, PDF reports, identities and targets."""
