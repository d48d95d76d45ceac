import { describe, expect, it } from 'vitest';
import { parsePlans } from './plans.ts';

const LOG = `2026-12-04 13:30:01.001 UTC [123] postgres@db LOG:  duration: 4.160 ms  plan:
	Query Text: select count(*) as "n" from "systems" as "s"
	  where 1 = 1 and "s"."lifecycle" = $1
	Aggregate  (cost=1237.44..1237.45 rows=1 width=8) (actual time=4.150..4.151 rows=1 loops=1)
	  Buffers: shared hit=977 read=3
	  ->  Seq Scan on systems s  (cost=0.00..1227.00 rows=4174 width=0) (actual time=0.010..3.900 rows=4174 loops=1)
	        Buffers: shared hit=977 read=3
2026-12-04 13:30:01.002 UTC [123] postgres@db LOG:  duration: 0.030 ms  plan:
	Query Text: select "id" from "people" where "id" = $1
	Index Scan using people_pkey on people  (cost=0.29..8.30 rows=1 width=37) (actual time=0.010..0.011 rows=1 loops=1)
	  Buffers: shared hit=3
2026-12-04 13:30:01.003 UTC [123] postgres@db LOG:  checkpoint starting: time
`;

describe('the plans auto_explain writes to the server log', () => {
  it('gives each statement its time, its buffers and its sequential scans with the rows they read', () => {
    expect(parsePlans(LOG)).toEqual([
      { ms: 4.16, text: 'select count(*) as "n" from "systems" as "s"', hit: 977, read: 3, seqScans: ['systems (4174 rows)'] },
      { ms: 0.03, text: 'select "id" from "people" where "id" = $1', hit: 3, read: 0, seqScans: [] },
    ]);
  });
});
