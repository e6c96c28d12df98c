"""Register data in and out of the station: protected exports and spreadsheet imports."""
