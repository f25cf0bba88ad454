"""The document: a plan, the workbook or a cluster summary as one tree of sections and blocks.

Every renderer draws this tree; none reads the plan.
"""
