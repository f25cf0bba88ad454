"""Running plans through: loading any plan file (a Word document included), export, batches."""
