import { Fieldset, Paragraph, Radio } from '@digdir/designsystemet-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { SECURITY_PROTECTION, type Classification } from '../../api/classifications.ts';

type Flags = Classification['flags'];
const YES_NO = ['personalData', 'sensitivePersonalData', 'protectedIdentity', 'oslSecrecy'] as const;

/**
 * The first step of the guide: what kind of information the system holds (personal data, sensitive personal data,
 * protected identity, secrecy under OSL, säkerhetsskydd — whether it applies, never any detail). Some raise the
 * suggested levels (the pack's floors). Each answer is saved at once.
 */
export function FlagsStep({ flags, onChange }: { flags: Flags; onChange: (patch: Partial<Flags>) => void }) {
  const { t } = useTranslation();
  const name = useId();
  const choice = (v: boolean | null) => (v === null ? 'unknown' : v ? 'yes' : 'no');
  return (
    <div className="guide-step">
      <Paragraph>{t('classifications.guide.flagsIntro')}</Paragraph>
      {YES_NO.map((flag) => (
        <Fieldset key={flag} className="guide-question">
          <Fieldset.Legend>{t(`classifications.guide.flagQuestions.${flag}`)}</Fieldset.Legend>
          <div className="guide-options guide-options--row">
            {(['yes', 'no', 'unknown'] as const).map((v) => (
              <Radio
                key={v}
                name={`${name}-${flag}`}
                value={v}
                label={t(`classifications.guide.answer.${v}`)}
                checked={choice(flags[flag]) === v}
                onChange={() => onChange({ [flag]: v === 'unknown' ? null : v === 'yes' })}
              />
            ))}
          </div>
        </Fieldset>
      ))}
      <Fieldset className="guide-question">
        <Fieldset.Legend>{t('classifications.guide.flagQuestions.securityProtection')}</Fieldset.Legend>
        <Fieldset.Description>{t('classifications.guide.securityProtectionHint')}</Fieldset.Description>
        <div className="guide-options guide-options--row">
          {[...SECURITY_PROTECTION, 'unknown' as const].map((v) => (
            <Radio
              key={v}
              name={`${name}-securityProtection`}
              value={v}
              label={v === 'unknown' ? t('classifications.guide.answer.unknown') : t(`classifications.flags.protection.${v}`)}
              checked={(flags.securityProtection ?? 'unknown') === v}
              onChange={() => onChange({ securityProtection: v === 'unknown' ? null : v })}
            />
          ))}
        </div>
      </Fieldset>
    </div>
  );
}
