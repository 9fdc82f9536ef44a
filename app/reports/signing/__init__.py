"""Signing identities, PAdES signing and signature verification."""
