// @title Competitor share by ZIP
// @description For the physicians of each ZIP code: how many referrals went to the home system, to each
// @description competitor and to independents, with shares. By default every referrer in the ZIP counts
// @description (the market); sources = IN_NETWORK limits it to in-network and affiliated referrers.
// @category Market
// @view bar
// @param from: date = latest-12m
// @param to: date = latest
// @param sources: enum(ALL|IN_NETWORK) = ALL
// @param zipPrefix: string
MATCH (p:Physician)-[r:REFERRED]->(t)
WHERE r.periodStart >= $from AND r.periodStart < $to AND p.zip IS NOT NULL
  AND ($sources = 'ALL' OR p.inNetwork)
  AND ($zipPrefix IS NULL OR p.zip STARTS WITH $zipPrefix)
WITH left(p.zip, 5) AS zip, t, sum(r.referrals) AS n
WITH zip, n, head([(t)-[:PART_OF|EMPLOYED_BY]->(h:HealthSystem) | h]
                  + [(t)-[:PRACTICES_AT]->(:Practice)-[:PART_OF]->(h:HealthSystem) | h]) AS system
WITH zip, coalesce(system.name, 'Independent') AS healthSystem, coalesce(system.home, false) AS home, sum(n) AS referrals
WITH zip, collect({healthSystem: healthSystem, home: home, referrals: referrals}) AS systems, sum(referrals) AS total
UNWIND systems AS s
RETURN zip, s.healthSystem AS healthSystem, s.home AS home, s.referrals AS referrals,
       round(toFloat(s.referrals) / total, 4) AS share, total AS zipReferrals
ORDER BY zipReferrals DESC, zip, referrals DESC, healthSystem
