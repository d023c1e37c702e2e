"""The verification report: who may read it, what it says, and how readable it is."""
