// Makes a rollup generation the current one, recording what it was built from.
// $generation, $periods (list of dates), $relationships, $senders.
MERGE (a:ReferralRollup)
SET a.generation = $generation, a.periods = $periods, a.relationships = $relationships,
    a.senders = $senders, a.builtAt = datetime()
