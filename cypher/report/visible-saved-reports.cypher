// The saved reports a user may see, by category and title: shared ones, their own, or all for an
// administrator. $username, $admin (boolean).
MATCH (s:SavedReport)
WHERE s.shared OR s.owner = $username OR $admin
RETURN s ORDER BY s.category, toLower(s.title), s.id
