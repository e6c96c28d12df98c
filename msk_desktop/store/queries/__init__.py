"""Read-side query functions: what views, reports and the CLI read, without opening sessions."""
