"""klusterplan's built-in exporters, each a plugin of its own."""
