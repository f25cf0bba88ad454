"""The Word round trip: reading back what klusterplan wrote, on the contract the writer shares."""
