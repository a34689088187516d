// Benchmark graph: facilities found by their index while the referrals are generated.
CREATE INDEX bench_facility_idx IF NOT EXISTS FOR (f:Facility) ON (f.idx)
