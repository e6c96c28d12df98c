"""Qt only: windows, views, table models and dialogs. Calls ops; never opens a session."""
