"""What plugins plug into: the exporter and renderer contract, rules and findings, entry points."""
