import type { Ctx } from '../../platform/context.ts';
import { classificationOf, currentScale } from '../../policy/classification.ts';
import { getActivePack } from '../policy/index.ts';
import { bothTexts } from './present.ts';

/** The active pack's classification scales (levels with labels and descriptions) and the guide's questions. */
export async function getScales(ctx: Ctx) {
  const { pack } = await getActivePack(ctx);
  const spec = classificationOf(pack);
  const current = currentScale(spec);
  return {
    current: { id: current.id, version: current.version },
    scales: spec.scales.map((s) => ({
      id: s.id,
      version: s.version,
      name: bothTexts(s.name),
      aspects: s.aspects.map((a) => ({
        aspect: a.aspect,
        name: bothTexts(a.name),
        description: bothTexts(a.description),
        levels: a.levels.map((l) => ({ number: l.number, label: bothTexts(l.label), description: bothTexts(l.description) })),
      })),
    })),
    questions: spec.questions.map((q) => ({ aspect: q.aspect, about: q.about, text: bothTexts(q.text), help: q.help ? bothTexts(q.help) : null })),
    reviewMonths: spec.reviewMonths,
  };
}
