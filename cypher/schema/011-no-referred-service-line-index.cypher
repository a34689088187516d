// REFERRED(serviceLine) had a range index that no query of Liaison's is planned with (reports start from
// physicians or the period index, totals by service line come from the rollup), while every import paid for
// it on each referral it wrote. Stores made before this file lose it.

DROP INDEX referred_service_line IF EXISTS;
