"""The station PC's side of sync with the district server (SYNC.md), and the protocol both use."""
