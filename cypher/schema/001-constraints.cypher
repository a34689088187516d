// Uniqueness constraints of the referral graph (docs/graph-model.md).
// Every statement is idempotent; the file is applied at start-up when it is new or changed.

CREATE CONSTRAINT physician_id IF NOT EXISTS FOR (n:Physician) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT physician_npi IF NOT EXISTS FOR (n:Physician) REQUIRE n.npi IS UNIQUE;
CREATE CONSTRAINT practice_id IF NOT EXISTS FOR (n:Practice) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT facility_id IF NOT EXISTS FOR (n:Facility) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT health_system_id IF NOT EXISTS FOR (n:HealthSystem) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT payer_id IF NOT EXISTS FOR (n:Payer) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT user_username IF NOT EXISTS FOR (n:User) REQUIRE n.username IS UNIQUE;
CREATE CONSTRAINT schema_migration_id IF NOT EXISTS FOR (n:SchemaMigration) REQUIRE n.id IS UNIQUE;
