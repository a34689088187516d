// The LOAD CSV baseline's store: without Liaison's REFERRED service-line index.
DROP INDEX referred_service_line IF EXISTS
