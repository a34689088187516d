// Benchmark graph: $physicians physicians, 30% in network, 10% affiliated, 60% out (inNetwork as network
// membership sets it), service lines in turn.
// Runs in transactions of its own (auto-commit).
// $physicians: how many, $lines: the service lines
UNWIND range(0, $physicians - 1) AS i
CALL {
  WITH i
  CREATE (:Physician {id: 'bench-' + i, idx: i, name: 'Physician ' + i,
                      serviceLine: $lines[i % size($lines)],
                      network: CASE WHEN i % 10 < 3 THEN 'IN' WHEN i % 10 = 3 THEN 'AFFILIATED'
                                    ELSE 'OUT' END,
                      inNetwork: i % 10 < 4,
                      zip: toString(2000 + i % 300)})
} IN TRANSACTIONS OF 10000 ROWS
