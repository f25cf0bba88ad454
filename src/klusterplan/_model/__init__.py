"""Helpers of the model: edits by id, paths into a plan, plans as plain data, follow-up dates."""
