"""The inspector's reusable widgets and screens (hex dump, frame screen, help)."""
