// @title Outreach ROI
// @description For each physician a liaison has contacted: referrals and kept share in the `window` days
// @description before the first interaction against the `window` days after, beside the same change for
// @description similar physicians nobody contacted over those dates (same specialty and territory). The
// @description effect is the change in kept referrals minus the comparison group's average change; the
// @description revenue effect prices it at the revenue per case of the physician's service line (the
// @description liaison.reports.revenue-per-case assumptions). Listed only once the after-window has ended
// @description within the referral data (first contact + window <= dataEnd). Referral months count in a
// @description window when they start in it.
// @description A liaison sees only their own interactions and the territories they cover.
// @category Outreach
// @view table
// @param window: int = 90
// @param dataEnd: date = latest
// @param liaison: string
// @choices liaison: MATCH (u:User)-[:LOGGED]->(:Interaction) WHERE $teamView OR u.username = $viewer RETURN DISTINCT u.username ORDER BY u.username
// @param territory: string
// @choices territory: MATCH (t:Territory) WHERE $teamView OR EXISTS { (:User {username: $viewer})-[:COVERS]->(t) } RETURN t.id, t.name ORDER BY t.name
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
CALL (p, territories, firstContact, beforeStart, afterEnd) {
  MATCH (q:Physician)
  WHERE q.specialty = p.specialty AND q <> p AND any(t IN territories WHERE q.zip IN t.zips)
    AND NOT EXISTS { MATCH (q)<-[:WITH]-(j:Interaction) WHERE j.date >= beforeStart AND j.date < afterEnd }
  OPTIONAL MATCH (q)-[r:REFERRED]->(x)
  WHERE r.periodStart >= beforeStart AND r.periodStart < afterEnd AND x.inNetwork
  WITH q, sum(CASE WHEN r.periodStart >= firstContact THEN r.referrals ELSE 0 END)
          - sum(CASE WHEN r.periodStart < firstContact THEN r.referrals ELSE 0 END) AS change
  RETURN count(q) AS peers, coalesce(avg(change), 0.0) AS peerChange
}
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
