// Dismisses an open alert or records the task made from it.
// $id; $status: DISMISSED or TASK; $username; $reason: string or null; $taskId: string or null
MATCH (x:Alert {id: $id})
SET x.status = $status, x.closedBy = $username, x.closedAt = datetime(), x.dismissReason = $reason,
    x.taskId = $taskId
