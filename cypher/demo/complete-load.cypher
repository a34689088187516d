// Marks the load of the demo region complete.
// $seed: the region's seed; $physicians: how many physicians it holds
MERGE (d:DemoRegion {seed: $seed})
SET d.physicians = $physicians, d.loadedAt = datetime(), d.complete = true
