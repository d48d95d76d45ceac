import { ASPECTS } from '../../../shared/classification.ts';
import type { ClassificationsTable } from '../../platform/db/tables/classifications.ts';
import { AppError, type FieldProblem } from '../../platform/errors.ts';
import { findScale, levelNumbers, type Answers, type Levels } from '../../policy/classification.ts';
import type { ClassificationSpec, ScaleSpec } from '../../policy/classification-schema.ts';
import { levelsOf, parseJson, suggestionOf } from './present.ts';

/** The checks of a classification's content its use cases share: levels on the scale, complete before submitting. */

/** The scale a classification is on; 409 when the active pack no longer has it (it cannot be changed or decided). */
export function scaleOfRow(spec: ClassificationSpec, r: Pick<ClassificationsTable, 'scale_id' | 'scale_version'>): ScaleSpec {
  const scale = findScale(spec, r.scale_id, r.scale_version);
  if (!scale) throw new AppError('refused', { fields: [{ path: 'scale', key: 'classifications.unknown_scale', params: { scale: `${r.scale_id} ${r.scale_version}` } }] });
  return scale;
}

/** Every level and answer given is a number of the scale for its aspect: else 400 naming each field. */
export function assertOnScale(scale: ScaleSpec, levels: Levels | undefined, answers: Answers | undefined): void {
  const problems: FieldProblem[] = [];
  const check = (path: string, aspect: (typeof ASPECTS)[number], n: number | null | undefined) => {
    if (n === null || n === undefined) return;
    const known = levelNumbers(scale, aspect);
    if (!known.length) problems.push({ path, key: 'classifications.aspect_not_on_scale' });
    else if (!known.includes(n)) problems.push({ path, key: 'classifications.level_not_on_scale', params: { value: n, known: known.join(', ') } });
  };
  for (const aspect of ASPECTS) {
    check(`levels.${aspect}`, aspect, levels?.[aspect]);
    for (const [about, n] of Object.entries(answers?.[aspect] ?? {})) check(`answers.${aspect}.${about}`, aspect, n);
  }
  if (problems.length) throw new AppError('validation_failed', { fields: problems });
}

/**
 * Ready to submit: a level for every aspect the scale has, and a justification wherever the level is not the
 * guide's suggestion. 400 naming each field otherwise.
 */
export function assertComplete(spec: ClassificationSpec, scale: ScaleSpec, r: ClassificationsTable): void {
  const levels = levelsOf(r);
  const suggestion = suggestionOf(spec, r);
  const justifications = parseJson<Record<string, string>>(r.justifications_json, {});
  const problems: FieldProblem[] = [];
  for (const aspect of ASPECTS) {
    if (!levelNumbers(scale, aspect).length) continue;
    const level = levels[aspect];
    if (level === null) {
      problems.push({ path: `levels.${aspect}`, key: 'classifications.level_required' });
      continue;
    }
    const suggested = suggestion[aspect].level;
    if (suggested !== null && suggested !== level && !justifications[aspect]?.trim())
      problems.push({ path: `justifications.${aspect}`, key: 'classifications.justification_required', params: { suggested } });
  }
  if (problems.length) throw new AppError('validation_failed', { fields: problems });
}
