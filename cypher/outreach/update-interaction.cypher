// Changes an interaction.
// $id: interaction id; $values: the properties to set (type, date, reached, durationMinutes, notes, outcome,
// followUpDate, updatedBy)
MATCH (i:Interaction {id: $id})
SET i += $values, i.updatedAt = datetime()
