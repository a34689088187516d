// Counts a failed login; the attempt that reaches $attempts locks the account for $seconds.
// Returns lock: whether this failure locked it. $username, $attempts, $seconds.
MATCH (u:User {username: $username})
SET u.failedLogins = coalesce(u.failedLogins, 0) + 1
WITH u, u.failedLogins >= $attempts AND (u.lockedUntil IS NULL OR u.lockedUntil < datetime()) AS lock
FOREACH (_ IN CASE WHEN lock THEN [1] ELSE [] END |
  SET u.lockedUntil = datetime() + duration({seconds: $seconds}), u.failedLogins = 0)
RETURN lock
