"""Trainings: curricula/<id>.yml -> schedule, curriculum documents, .ics and .csv."""
