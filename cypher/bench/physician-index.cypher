// Benchmark graph: physicians found by their index while the referrals are generated.
CREATE INDEX bench_physician_idx IF NOT EXISTS FOR (p:Physician) ON (p.idx)
