// @title Competitor share by ZIP
// @description For each ZIP code, where its physicians' referrals go: to our health system, to each
// @description competitor and to independent providers, with each one's share. It shows the whole market by
// @description default; you can narrow it to our own and affiliated physicians, or to ZIP codes that start
// @description with given digits.
// @category Market
// @view bar
// @param from: date = latest-12m
// @param to: date = latest
// @param sources: enum(ALL|IN_NETWORK) = ALL
// @param zipPrefix: string
// @column zip: ZIP code | text
// @column healthSystem: Health system | text
// @column home: Home system | text
// @column referrals: Referrals | count
// @column share: Share of ZIP | percent
// @column zipReferrals: ZIP referrals | count
//
// ZIP: the first five characters of the referring physician's zip. A referral's health system is the target's
// PART_OF or EMPLOYED_BY system, else the system of a practice it PRACTICES_AT, else 'Independent'; home is
// the system's home flag. sources = ALL (default) counts every referrer in the ZIP, IN_NETWORK only inNetwork
// ones (IN and AFFILIATED); zipPrefix keeps ZIPs starting with it. share = referrals / zipReferrals (0–1).
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
