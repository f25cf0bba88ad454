"""Checking a plan: running the rules that apply and collecting their findings."""
