import { describe, expect, it } from 'vitest';
import { digestDue, digestSlot, groupItems, renderDigest, stockholmInstant, type DigestItem } from './digest.ts';
import { notificationPath, notificationText } from './present.ts';

/** A digest item; its path follows its finding unless given. */
const item = (over: Partial<DigestItem>): DigestItem => {
  const findingId = over.findingId === undefined ? 'f-1' : over.findingId;
  return {
    kind: 'assigned',
    text: 'Du har fått en avvikelse att åtgärda: Procapita saknar systemförvaltare.',
    subject: 'Procapita',
    createdAt: '2026-04-15T08:00:00.000Z',
    ...over,
    findingId,
    path: over.path !== undefined ? over.path : findingId && `/findings/${findingId}`,
  };
};

describe('when the digest goes out', () => {
  it('finds 07:00 Swedish time in winter, in summer and on the days the clocks change', () => {
    expect(stockholmInstant('2026-01-15', 7).toISOString()).toBe('2026-01-15T06:00:00.000Z');
    expect(stockholmInstant('2026-07-15', 7).toISOString()).toBe('2026-07-15T05:00:00.000Z');
    // Summer time starts at 02:00 on Sunday 29 March 2026, and ends at 03:00 on Sunday 25 October 2026.
    expect(stockholmInstant('2026-03-29', 7).toISOString()).toBe('2026-03-29T05:00:00.000Z');
    expect(stockholmInstant('2026-03-28', 7).toISOString()).toBe('2026-03-28T06:00:00.000Z');
    expect(stockholmInstant('2026-10-25', 7).toISOString()).toBe('2026-10-25T06:00:00.000Z');
    expect(stockholmInstant('2026-10-24', 7).toISOString()).toBe('2026-10-24T05:00:00.000Z');
    // New Year: the Swedish day is the year's first before UTC's.
    expect(stockholmInstant('2027-01-01', 7).toISOString()).toBe('2027-01-01T06:00:00.000Z');
  });

  it('daily: the latest 07:00 — today once it has passed, else yesterday', () => {
    expect(digestSlot('daily', new Date('2026-04-15T10:00:00Z'))?.toISOString()).toBe('2026-04-15T05:00:00.000Z');
    expect(digestSlot('daily', new Date('2026-04-15T04:59:59Z'))?.toISOString()).toBe('2026-04-14T05:00:00.000Z');
    expect(digestSlot('daily', new Date('2026-04-15T05:00:00Z'))?.toISOString()).toBe('2026-04-15T05:00:00.000Z');
    // 00:30 on the Swedish 1 January is still 31 December in UTC.
    expect(digestSlot('daily', new Date('2026-12-31T23:30:00Z'))?.toISOString()).toBe('2026-12-31T06:00:00.000Z');
    expect(digestSlot('off', new Date('2026-04-15T10:00:00Z'))).toBeNull();
  });

  it('weekly: 07:00 on the latest Monday, across the change to summer time', () => {
    // Wednesday 15 April 2026 → Monday 13 April.
    expect(digestSlot('weekly', new Date('2026-04-15T10:00:00Z'))?.toISOString()).toBe('2026-04-13T05:00:00.000Z');
    // Monday 13 April before 07:00 → the Monday before (6 April).
    expect(digestSlot('weekly', new Date('2026-04-13T04:00:00Z'))?.toISOString()).toBe('2026-04-06T05:00:00.000Z');
    // Sunday 29 March (summer time began that night) → Monday 23 March, still winter time.
    expect(digestSlot('weekly', new Date('2026-03-29T12:00:00Z'))?.toISOString()).toBe('2026-03-23T06:00:00.000Z');
    // Monday 30 March, 07:00 summer time.
    expect(digestSlot('weekly', new Date('2026-03-30T05:00:00Z'))?.toISOString()).toBe('2026-03-30T05:00:00.000Z');
    // Monday 26 October, first Monday of winter time.
    expect(digestSlot('weekly', new Date('2026-10-26T06:30:00Z'))?.toISOString()).toBe('2026-10-26T06:00:00.000Z');
    expect(digestSlot('weekly', new Date('2026-10-26T05:30:00Z'))?.toISOString()).toBe('2026-10-19T05:00:00.000Z');
  });

  it('is due once per slot: after the slot, when the last digest came before it', () => {
    const wed = new Date('2026-04-15T10:00:00Z');
    expect(digestDue('daily', null, wed)).toBe(true);
    expect(digestDue('daily', '2026-04-14T05:00:00.000Z', wed)).toBe(true);
    expect(digestDue('daily', '2026-04-15T05:00:00.000Z', wed)).toBe(false);
    expect(digestDue('daily', '2026-04-15T09:00:00.000Z', wed)).toBe(false);
    expect(digestDue('off', null, wed)).toBe(false);
    expect(digestDue('off', '2026-01-01T00:00:00.000Z', wed)).toBe(false);
    // Before 07:00 the day's digest is not due yet (yesterday's went out).
    expect(digestDue('daily', '2026-04-14T05:00:00.000Z', new Date('2026-04-15T04:30:00Z'))).toBe(false);
  });

  it('weekly: a user who never had one gets the first on a Monday, one who missed Monday gets it later', () => {
    expect(digestDue('weekly', null, new Date('2026-04-15T10:00:00Z'))).toBe(false);
    expect(digestDue('weekly', null, new Date('2026-04-13T04:30:00Z'))).toBe(false);
    expect(digestDue('weekly', null, new Date('2026-04-13T05:00:00Z'))).toBe(true);
    expect(digestDue('weekly', '2026-04-06T05:10:00.000Z', new Date('2026-04-13T05:10:00Z'))).toBe(true);
    expect(digestDue('weekly', '2026-04-13T05:10:00.000Z', new Date('2026-04-13T06:10:00Z'))).toBe(false);
    expect(digestDue('weekly', '2026-04-13T05:10:00.000Z', new Date('2026-04-19T20:00:00Z'))).toBe(false);
    // No run on Monday: the digest goes out on Tuesday.
    expect(digestDue('weekly', '2026-04-06T05:10:00.000Z', new Date('2026-04-14T09:00:00Z'))).toBe(true);
    // Daily, never had one, at 06:00 Swedish time: not yet.
    expect(digestDue('daily', null, new Date('2026-04-15T04:00:00Z'))).toBe(false);
  });
});

describe('grouping a digest', () => {
  it('orders the groups overdue, due soon, assigned, risks to approve, other, and leaves empty ones out', () => {
    const groups = groupItems([
      item({ kind: 'risk_approved', findingId: 'f-5' }),
      item({ kind: 'assigned', findingId: 'f-1' }),
      item({ kind: 'overdue', findingId: 'f-2' }),
      item({ kind: 'risk_expired', findingId: 'f-6' }),
      item({ kind: 'reopened', findingId: null }),
      item({ kind: 'risk_to_approve', findingId: 'f-4' }),
    ]);
    expect(groups.map((g) => g.group)).toEqual(['overdue', 'assigned', 'risk_to_approve', 'other']);
    expect(groups.find((g) => g.group === 'other')!.items.map((i) => i.kind).sort()).toEqual(['reopened', 'risk_approved', 'risk_expired']);
  });

  it('tells a finding once per group (the newest), newest first; different groups keep it', () => {
    const groups = groupItems([
      item({ kind: 'overdue', findingId: 'f-1', text: 'old due date', createdAt: '2026-04-01T08:00:00.000Z' }),
      item({ kind: 'overdue', findingId: 'f-1', text: 'new due date', createdAt: '2026-04-10T08:00:00.000Z' }),
      item({ kind: 'overdue', findingId: 'f-2', text: 'other', createdAt: '2026-04-05T08:00:00.000Z' }),
      item({ kind: 'assigned', findingId: 'f-1', createdAt: '2026-03-01T08:00:00.000Z' }),
    ]);
    expect(groups.map((g) => [g.group, g.items.map((i) => i.text)])).toEqual([
      ['overdue', ['new due date', 'other']],
      ['assigned', [expect.any(String)]],
    ]);
  });
});

describe('the digest e-mail', () => {
  it('is in the recipient’s language with links to each finding and to Mitt ansvar', () => {
    const items = [item({ kind: 'overdue', findingId: 'f-2', text: 'Overdue, was due by 2026-04-10: Procapita has no systemförvaltare.' }), item({})];
    const en = renderDigest({ locale: 'en', name: 'Ada', publicUrl: 'https://ansvar.kommun.se', items });
    expect(en.subject).toBe('Ansvar: 2 things to follow up');
    expect(en.text).toContain('Hello Ada,');
    expect(en.text.indexOf('Overdue (1)')).toBeLessThan(en.text.indexOf('Assigned to you (1)'));
    expect(en.text).toContain('https://ansvar.kommun.se/findings/f-2');
    expect(en.text).toContain('https://ansvar.kommun.se/\n');
    expect(en.html).toContain('<a href="https://ansvar.kommun.se/findings/f-1">Open</a>');
    expect(en.html).toContain('lang="en"');
    const sv = renderDigest({ locale: 'sv', name: 'Ada', publicUrl: 'https://ansvar.kommun.se', items: [item({})] });
    expect(sv.subject).toBe('Ansvar: 1 sak att följa upp');
    expect(sv.text).toContain('Tilldelade dig (1)');
    expect(sv.text).toContain('Mitt ansvar');
  });

  it('links a review reminder to the reviewer’s inbox and an escalation to the system’s access tab, under their own heading', () => {
    const params = { review: 'VT 2026', dueOn: '2026-05-15', reviewId: 'r-1', count: 3 };
    const reminder = item({
      kind: 'access_review_reminder',
      findingId: null,
      subject: null,
      text: notificationText('sv', 'access_review_reminder', params),
      path: notificationPath('access_review_reminder', null, null, params),
    });
    const escalated = item({
      kind: 'access_review_escalated',
      findingId: null,
      subject: 'Procapita',
      text: notificationText('sv', 'access_review_escalated', { ...params, subject: 'Procapita', count: 2 }),
      path: notificationPath('access_review_escalated', null, 's-1', params),
    });
    const mail = renderDigest({ locale: 'sv', name: 'Åke', publicUrl: 'https://ansvar.test', items: [reminder, escalated, item({})] });
    expect(mail.text).toContain('Behörighetsgranskningar (2)');
    expect(mail.text).toContain('- Behörighetsgranskningen ”VT 2026” skulle ha varit klar 2026-05-15. Beslut som väntar på dig: 3\n  https://ansvar.test/access-reviews/r-1/inbox');
    expect(mail.text).toContain('Behörigheter i systemet som ingen har granskat: 2 (Procapita)\n  https://ansvar.test/systems/s-1?tab=access');
    expect(mail.text.indexOf('Tilldelade dig')).toBeLessThan(mail.text.indexOf('Behörighetsgranskningar'));
    expect(notificationPath('assigned', null, 's-1', {})).toBe('/systems/s-1');
    expect(notificationPath('reopened', null, null, {})).toBeNull();
  });

  it('escapes what it puts into HTML', () => {
    const mail = renderDigest({
      locale: 'sv',
      name: '<b>Eve</b>',
      publicUrl: 'https://ansvar.test',
      items: [item({ text: 'System "<script>alert(1)</script>" & co', subject: "O'Brien <x>" })],
    });
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).not.toContain('<b>Eve</b>');
    expect(mail.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(mail.html).toContain('&quot;');
    expect(mail.html).toContain('&amp; co');
    expect(mail.html).toContain('O&#39;Brien &lt;x&gt;');
    // The plain text is as written.
    expect(mail.text).toContain('System "<script>alert(1)</script>" & co (O\'Brien <x>)');
  });

  it('shows at most maxLines lines and counts the rest', () => {
    const items = Array.from({ length: 5 }, (_, i) => item({ findingId: `f-${i}`, createdAt: `2026-04-1${i}T08:00:00.000Z` }));
    const mail = renderDigest({ locale: 'en', name: 'Ada', publicUrl: 'https://a.test', items, maxLines: 3 });
    expect(mail.lines).toBe(5);
    expect(mail.subject).toBe('Ansvar: 5 things to follow up');
    expect(mail.text.match(/https:\/\/a\.test\/findings\//g)).toHaveLength(3);
    expect(mail.text).toContain('… and 2 more.');
  });
});
