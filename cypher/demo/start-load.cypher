// Marks a load of the demo region as under way, so that one cut short is redone at the next start.
// $seed: the region's seed
MERGE (d:DemoRegion {seed: $seed}) SET d.complete = false, d.startedAt = datetime()
