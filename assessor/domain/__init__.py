"""Pure rules, data in and data out: ability and levels, challenges and grading, screening,
integrity signals, the shared vocabulary and clock. No Flask, no database session."""
