"""Quiz banks out to other systems: Moodle (GIFT, Moodle XML), QTI packages, JSON Schema."""
