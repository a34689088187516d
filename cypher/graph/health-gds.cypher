// The health check: how many GDS procedures the server offers. No parameters.
SHOW PROCEDURES YIELD name WHERE name STARTS WITH 'gds.' RETURN count(*) AS gds
