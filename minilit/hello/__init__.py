"""The demo app that ``minilit hello`` runs."""
