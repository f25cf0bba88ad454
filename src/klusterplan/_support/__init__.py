"""Small helpers with no knowledge of plans: records, XML text, atomic writes.

The lowest layer: it imports nothing else of klusterplan.
"""
