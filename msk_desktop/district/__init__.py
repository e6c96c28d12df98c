"""The district server: enrolled devices push their stations' changes and pull what they may see."""
