"""The Roadmap tab: the Gantt chart of both careers, and the same plan as a table."""
