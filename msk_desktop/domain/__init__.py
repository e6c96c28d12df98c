"""Pure rules of the registers: no Qt, no SQLAlchemy."""
