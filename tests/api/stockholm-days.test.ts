import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { insertKommun, insertUnit } from '../fixtures/org.ts';
import { insertPerson } from '../fixtures/systems.ts';
import { type Agent, createHarness, dialects, setupAdmin, stockholmDay, type Harness } from './harness.ts';

/**
 * The server counts in Swedish calendar days. A role assignment started and ended without dates starts
 * and ends "today": at 23:30 and 00:30 Stockholm time around the switches to and from summer time and
 * around New Year, today is the Swedish day, not the UTC one (at 00:30 UTC is still on the day before).
 */
const MOMENTS = [
  // Summer time starts on Sunday 29 March 2026 (02:00 CET → 03:00 CEST).
  { at: '2026-03-28T22:30:00Z', day: '2026-03-28' }, // Saturday 23:30 CET
  { at: '2026-03-28T23:30:00Z', day: '2026-03-29' }, // Sunday 00:30 CET
  { at: '2026-03-29T21:30:00Z', day: '2026-03-29' }, // Sunday 23:30 CEST
  { at: '2026-03-29T22:30:00Z', day: '2026-03-30' }, // Monday 00:30 CEST
  // Summer time ends on Sunday 25 October 2026 (03:00 CEST → 02:00 CET).
  { at: '2026-10-24T21:30:00Z', day: '2026-10-24' }, // Saturday 23:30 CEST
  { at: '2026-10-24T22:30:00Z', day: '2026-10-25' }, // Sunday 00:30 CEST
  { at: '2026-10-25T22:30:00Z', day: '2026-10-25' }, // Sunday 23:30 CET
  { at: '2026-10-25T23:30:00Z', day: '2026-10-26' }, // Monday 00:30 CET
  // New Year.
  { at: '2026-12-31T22:30:00Z', day: '2026-12-31' }, // 31 December 23:30 CET
  { at: '2026-12-31T23:30:00Z', day: '2027-01-01' }, // 1 January 00:30 CET, UTC still in 2026
];

describe.each(dialects())('Swedish days through the API (%s)', (dialect) => {
  let h: Harness;
  let admin: Agent;
  beforeEach(async () => {
    h = await createHarness(dialect, {}, { now: MOMENTS[0]!.at });
    admin = await setupAdmin(h);
    await insertKommun(h.handle.db);
    await insertPerson(h.handle.db, { id: 'p-anna', name: 'Anna Andersson', homeUnitId: 'hem' });
  });
  afterEach(async () => h.close());

  it('starts the suite at the instant it asks for', () => {
    expect(h.clock.now().toISOString()).toBe('2026-03-28T22:30:00.000Z');
  });

  it('starts and ends a role assignment on the Swedish day, around summer time and New Year', async () => {
    for (const [i, { at, day }] of MOMENTS.entries()) {
      h.clock.advance(Date.parse(at) - h.clock.now().getTime());
      expect(stockholmDay(h.clock.now())).toBe(day);
      await admin.login('admin@kommun.test'); // sessions do not last from March to December
      const unit = await insertUnit(h.handle.db, { id: `u-${i}`, name: `Enhet ${i}`, parentId: 'soc' });
      const started = await admin.post('/api/role-assignments', { subjectKind: 'unit', roleKey: 'chef', subjectId: unit, personId: 'p-anna' });
      expect(started.statusCode, started.body).toBe(201);
      expect(started.json(), at).toMatchObject({ validFrom: day, validTo: null, current: true });
      const ended = await admin.post(`/api/role-assignments/${started.json().id}/end`, {});
      expect(ended.statusCode, ended.body).toBe(200);
      expect(ended.json(), at).toMatchObject({ validFrom: day, validTo: day, current: false });
    }
  });
});
