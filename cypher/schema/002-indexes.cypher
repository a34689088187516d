// Range indexes for the filters reports and the explorer use most.

CREATE INDEX physician_network IF NOT EXISTS FOR (n:Physician) ON (n.network);
CREATE INDEX physician_in_network IF NOT EXISTS FOR (n:Physician) ON (n.inNetwork);
CREATE INDEX physician_service_line IF NOT EXISTS FOR (n:Physician) ON (n.serviceLine);
CREATE INDEX physician_zip IF NOT EXISTS FOR (n:Physician) ON (n.zip);
CREATE INDEX practice_network IF NOT EXISTS FOR (n:Practice) ON (n.network);
CREATE INDEX facility_network IF NOT EXISTS FOR (n:Facility) ON (n.network);
CREATE INDEX practice_in_network IF NOT EXISTS FOR (n:Practice) ON (n.inNetwork);
CREATE INDEX facility_in_network IF NOT EXISTS FOR (n:Facility) ON (n.inNetwork);
CREATE INDEX health_system_home IF NOT EXISTS FOR (n:HealthSystem) ON (n.home);
CREATE INDEX referred_period IF NOT EXISTS FOR ()-[r:REFERRED]-() ON (r.periodStart);
