import type { ClassificationSpec } from './classification-schema.ts';
import { currentScale, levelNumbers } from './classification-schema.ts';
import type { sv } from '../messages/policy.ts';

/** A problem's path and message key, as validate.ts collects them (its PackProblem; not imported, to keep no circle). */
type Path = Array<string | number>;
type Add = (path: Path, key: keyof typeof sv, params?: Record<string, string | number>) => void;

/**
 * The checks of a pack's classification section zod cannot make: unique scales, aspects, levels and
 * requirement keys; the scale named exists; each requirement's and floor's level is on the current scale;
 * the roles named are the pack's.
 */
export function checkClassificationSpec(spec: ClassificationSpec, roleKeys: ReadonlySet<string>, add: Add): void {
  const at = (...path: Path): Path => ['classification', ...path];
  const firstAt = new Map<string, number>();
  spec.scales.forEach((scale, i) => {
    const id = `${scale.id}@${scale.version}`;
    const first = firstAt.get(id);
    if (first !== undefined) add(at('scales', i, 'id'), 'policy.problem.duplicate', { value: id, other: `classification.scales[${first}]` });
    else firstAt.set(id, i);
    const aspects = new Map<string, number>();
    scale.aspects.forEach((a, j) => {
      const seen = aspects.get(a.aspect);
      if (seen !== undefined) add(at('scales', i, 'aspects', j, 'aspect'), 'policy.problem.duplicate', { value: a.aspect, other: `aspects[${seen}]` });
      else aspects.set(a.aspect, j);
      const numbers = new Map<number, number>();
      a.levels.forEach((l, k) => {
        const again = numbers.get(l.number);
        if (again !== undefined)
          add(at('scales', i, 'aspects', j, 'levels', k, 'number'), 'policy.problem.duplicate', { value: l.number, other: `levels[${again}]` });
        else numbers.set(l.number, k);
      });
    });
  });
  if (spec.scale !== undefined && !spec.scales.some((s) => s.id === spec.scale))
    add(at('scale'), 'policy.problem.unknown_scale', { value: spec.scale, known: spec.scales.map((s) => s.id).join(', ') });

  const scale = currentScale(spec);
  const onScale = (path: Path, aspect: (typeof spec.requirements)[number]['aspect'], level: number) => {
    const levels = levelNumbers(scale, aspect);
    if (!levels.length) add(path, 'policy.problem.aspect_not_in_scale', { scale: scale.id, aspect });
    else if (!levels.includes(level)) add(path, 'policy.problem.unknown_level', { value: level, aspect, known: levels.join(', ') });
  };
  const keys = new Map<string, number>();
  spec.requirements.forEach((r, i) => {
    const first = keys.get(r.key);
    if (first !== undefined) add(at('requirements', i, 'key'), 'policy.problem.duplicate', { value: r.key, other: `classification.requirements[${first}]` });
    else keys.set(r.key, i);
    onScale(at('requirements', i, 'minLevel'), r.aspect, r.minLevel);
  });
  spec.floors.forEach((f, i) => onScale(at('floors', i, 'minLevel'), f.aspect, f.minLevel));

  const known = [...roleKeys].join(', ');
  const role = (path: Path, value: string) => {
    if (!roleKeys.has(value)) add(path, 'policy.problem.unknown_role', { value, known });
  };
  spec.approvers.forEach((r, i) => role(at('approvers', i), r));
  spec.actors.forEach((r, i) => role(at('actors', i), r));
  role(at('supportRole'), spec.supportRole);
}
