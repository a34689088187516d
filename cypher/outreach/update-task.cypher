// Changes a task's title, notes, due date and status; closedAt is set when it becomes done and cleared when
// it is opened again.
// $id; $values: {title, notes, due, status, updatedBy}
MATCH (task:Task {id: $id})
SET task.closedAt = CASE WHEN $values.status = 'DONE' THEN coalesce(task.closedAt, datetime()) ELSE null END,
    task += $values, task.updatedAt = datetime()
