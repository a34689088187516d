// Saves a new report, version 1. $id, $title, $category, $source (the whole report text), $username
// (its owner), $shared (boolean).
CREATE (s:SavedReport {id: $id, title: $title, category: $category, source: $source,
                       owner: $username, shared: $shared, version: 1,
                       createdAt: datetime(), updatedAt: datetime(), updatedBy: $username})
