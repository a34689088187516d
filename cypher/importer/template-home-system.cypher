// Exactly one home health system: the one the membership file names; any other is no longer home.
// $home: the home system's id
MATCH (o:HealthSystem {home: true}) WHERE o.id <> $home SET o.home = false
