// Open alerts that the latest computation no longer raises are removed; dismissed ones and those turned into
// tasks stay as the record of what was done.
// $computation: the id of the computation that just wrote its alerts
MATCH (x:Alert {status: 'OPEN'}) WHERE x.computation <> $computation
DETACH DELETE x
