// Replaces a saved report's text and sharing; the text it had becomes a previous version.
// $id, $title, $category, $source, $shared, $username (who changes it).
MATCH (s:SavedReport {id: $id})
CREATE (s)-[:PREVIOUS_VERSION]->(:SavedReportVersion {reportId: s.id, version: s.version,
        title: s.title, source: s.source, shared: s.shared, savedAt: s.updatedAt,
        savedBy: s.updatedBy})
SET s.title = $title, s.category = $category, s.source = $source, s.shared = $shared,
    s.version = s.version + 1, s.updatedAt = datetime(), s.updatedBy = $username
