// Benchmark graph: $facilities facilities, one in four in network (inNetwork as network membership sets it).
// $facilities: how many
UNWIND range(0, $facilities - 1) AS i
CREATE (:Facility {id: 'bench-f' + i, idx: i, name: 'Facility ' + i, type: 'HOSPITAL',
                   network: CASE WHEN i % 4 = 0 THEN 'IN' ELSE 'OUT' END, inNetwork: i % 4 = 0})
