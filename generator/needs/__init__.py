"""Training needs: the survey, reading its exports, the Borich analysis, the recommendation.

``form`` says what the survey asks (pure), ``xlsform`` writes it for
KoboToolbox and ODK, ``readers`` turn exports into responses, ``analysis``
ranks needs (pure), ``report`` writes the aggregates the site renders, and
``recommend`` turns a ranking into a training file.
"""
