// @title Outreach ROI
// @description Did outreach move referrals? For each physician a liaison has contacted: kept referrals in the
// @description period before the first contact against the same period after it, compared with similar
// @description physicians nobody contacted, and what the difference is worth in revenue. A liaison sees only
// @description their own contacts and territories.
// @category Outreach
// @view table
// @param window: int = 90
// @param dataEnd: date = latest
// @param liaison: string
// @choices liaison: MATCH (u:User)-[:LOGGED]->(:Interaction) WHERE $teamView OR u.username = $viewer RETURN DISTINCT u.username ORDER BY u.username
// @param territory: string
// @choices territory: MATCH (t:Territory) WHERE $teamView OR EXISTS { (:User {username: $viewer})-[:COVERS]->(t) } RETURN t.id, t.name ORDER BY t.name
// @column physicianId: NPI | text
// @column physician: Physician | text
// @column specialty: Specialty | text
// @column firstContact: First contact | date
// @column interactions: Interactions | count
// @column referralsBefore: Referrals before | count
// @column keptBefore: Kept before | count
// @column keptShareBefore: Kept share before | percent
// @column referralsAfter: Referrals after | count
// @column keptAfter: Kept after | count
// @column keptShareAfter: Kept share after | percent
// @column peers: Comparison physicians | count
// @column peerChange: Comparison change | number
// @column keptEffect: Effect on kept referrals | number
// @column revenueEffect: Revenue effect | currency
//
// Before: the window (90) days before the first interaction; after: the window days from it. Referral months
// count in a window when they start in it; kept: target inNetwork. Peers: physicians of the same specialty in
// one of the physician's territories with no interaction over those dates; peerChange is their average change
// in kept referrals. keptEffect = (keptAfter − keptBefore) − peerChange; revenueEffect prices it at
// $revenuePerCase of the physician's service line (else $defaultRevenuePerCase;
// liaison.reports.revenue-per-case). Listed only once first contact + window ≤ dataEnd. liaison and territory
// narrow the list; a liaison ($teamView false) sees only their own interactions and the territories they
// cover. See docs/outreach.md, "ROI: did outreach move referrals".
MATCH (u:User)-[:LOGGED]->(i:Interaction)-[:WITH]->(p:Physician)
WHERE ($liaison IS NULL OR u.username = $liaison) AND ($teamView OR u.username = $viewer)
WITH p, min(i.date) AS firstContact, count(i) AS interactions
WHERE firstContact + duration({days: $window}) <= $dataEnd
MATCH (t:Territory)
WHERE p.zip IN t.zips AND ($territory IS NULL OR t.id = $territory)
  AND ($teamView OR EXISTS { (:User {username: $viewer})-[:COVERS]->(t) })
WITH p, firstContact, interactions, collect(t) AS territories,
     firstContact - duration({days: $window}) AS beforeStart, firstContact + duration({days: $window}) AS afterEnd
CALL (p, firstContact, beforeStart, afterEnd) {
  OPTIONAL MATCH (p)-[r:REFERRED]->(x)
  WHERE r.periodStart >= beforeStart AND r.periodStart < afterEnd
  WITH r, x, r.periodStart < firstContact AS before, x.inNetwork AS kept
  RETURN sum(CASE WHEN before THEN r.referrals ELSE 0 END) AS referralsBefore,
         sum(CASE WHEN before AND kept THEN r.referrals ELSE 0 END) AS keptBefore,
         sum(CASE WHEN NOT before THEN r.referrals ELSE 0 END) AS referralsAfter,
         sum(CASE WHEN NOT before AND kept THEN r.referrals ELSE 0 END) AS keptAfter
}
// The comparison physicians: contacted physicians are taken by specialty, and each physician of that specialty
// in one of their territories is read once, its kept referrals per month over the group's dates, rather than
// once for every contacted physician it is compared with.
WITH p.specialty AS specialty,
     collect({p: p, firstContact: firstContact, interactions: interactions, beforeStart: beforeStart,
              afterEnd: afterEnd, zips: reduce(zips = [], t IN territories | zips + t.zips),
              referralsBefore: referralsBefore, keptBefore: keptBefore,
              referralsAfter: referralsAfter, keptAfter: keptAfter}) AS group
CALL (specialty, group) {
  UNWIND group AS c
  UNWIND c.zips AS zip
  WITH zip, min(c.beforeStart) AS from, max(c.afterEnd) AS to
  MATCH (q:Physician {zip: zip})
  WHERE q.specialty = specialty
  CALL (q, from, to) {
    OPTIONAL MATCH (q)-[r:REFERRED]->(x)
    WHERE r.periodStart >= from AND r.periodStart < to AND x.inNetwork
    WITH r.periodStart AS month, sum(r.referrals) AS kept
    RETURN collect(CASE WHEN month IS NOT NULL THEN {month: month, kept: kept} END) AS months
  }
  RETURN collect({q: q, zip: zip, months: months,
                  contacts: [(q)<-[:WITH]-(j:Interaction) WHERE j.date >= from AND j.date < to | j.date]}) AS candidates
}
UNWIND group AS c
WITH c, [x IN candidates WHERE x.q <> c.p AND x.zip IN c.zips
          AND none(d IN x.contacts WHERE d >= c.beforeStart AND d < c.afterEnd)] AS peers
WITH c, size(peers) AS peers,
     [x IN peers | reduce(change = 0, m IN x.months | change
        + CASE WHEN m.month >= c.firstContact AND m.month < c.afterEnd THEN m.kept
               WHEN m.month >= c.beforeStart AND m.month < c.firstContact THEN -m.kept ELSE 0 END)] AS changes
WITH c.p AS p, c.firstContact AS firstContact, c.interactions AS interactions,
     c.referralsBefore AS referralsBefore, c.keptBefore AS keptBefore,
     c.referralsAfter AS referralsAfter, c.keptAfter AS keptAfter, peers,
     CASE WHEN peers = 0 THEN 0.0 ELSE toFloat(reduce(sum = 0, change IN changes | sum + change)) / peers END AS peerChange
WITH p, firstContact, interactions, referralsBefore, keptBefore, referralsAfter, keptAfter, peers, peerChange,
     (keptAfter - keptBefore) - peerChange AS effect
RETURN p.id AS physicianId, p.name AS physician, p.specialty AS specialty, firstContact, interactions,
       referralsBefore, keptBefore,
       CASE WHEN referralsBefore = 0 THEN null ELSE round(toFloat(keptBefore) / referralsBefore, 4) END AS keptShareBefore,
       referralsAfter, keptAfter,
       CASE WHEN referralsAfter = 0 THEN null ELSE round(toFloat(keptAfter) / referralsAfter, 4) END AS keptShareAfter,
       peers, round(peerChange, 2) AS peerChange, round(effect, 2) AS keptEffect,
       round(effect * coalesce($revenuePerCase[p.serviceLine], $defaultRevenuePerCase)) AS revenueEffect
ORDER BY revenueEffect DESC, physicianId
