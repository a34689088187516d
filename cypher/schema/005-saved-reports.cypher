// Reports saved by analysts (docs/graph-model.md, "Application nodes").

CREATE CONSTRAINT saved_report_id IF NOT EXISTS FOR (n:SavedReport) REQUIRE n.id IS UNIQUE;
