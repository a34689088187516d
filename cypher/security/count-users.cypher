// How many users there are. No parameters.
MATCH (u:User) RETURN count(u) AS n
