// Outreach: territories, interactions, goals and visit plans (docs/graph-model.md, "Outreach").

CREATE CONSTRAINT territory_id IF NOT EXISTS FOR (n:Territory) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT interaction_id IF NOT EXISTS FOR (n:Interaction) REQUIRE n.id IS UNIQUE;
CREATE INDEX interaction_date IF NOT EXISTS FOR (n:Interaction) ON (n.date);
CREATE INDEX interaction_follow_up IF NOT EXISTS FOR (n:Interaction) ON (n.followUpDate);
CREATE CONSTRAINT goal_id IF NOT EXISTS FOR (n:Goal) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT visit_plan_id IF NOT EXISTS FOR (n:VisitPlan) REQUIRE n.id IS UNIQUE;
CREATE INDEX practice_zip IF NOT EXISTS FOR (n:Practice) ON (n.zip);
