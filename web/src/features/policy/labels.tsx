import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../components/language.ts';
import type { Capacity, PolicyText, Severity } from '../../api/policy.ts';

/**
 * A policy text in the user's language. Where the pack has no English, the Swedish text is shown
 * and marked lang="sv" so screen readers pronounce it as Swedish.
 */
export function PText({ text, as: Tag = 'span', className }: { text: PolicyText; as?: 'span' | 'p' | 'div'; className?: string }) {
  const locale = useLocale();
  const value = locale === 'en' && text.en ? text.en : text.sv;
  const lang = locale === 'en' && !text.en ? 'sv' : undefined;
  return (
    <Tag className={className} lang={lang}>
      {value}
    </Tag>
  );
}

/** The text as a string, for places that cannot hold markup (document.title, option labels). */
export function usePlainText() {
  const locale = useLocale();
  return useCallback((text: PolicyText): string => (locale === 'en' && text.en ? text.en : text.sv), [locale]);
}

/** Paragraphs of a policy text (blank lines separate them). */
export function PParagraphs({ text }: { text: PolicyText }) {
  const locale = useLocale();
  const value = locale === 'en' && text.en ? text.en : text.sv;
  const lang = locale === 'en' && !text.en ? 'sv' : undefined;
  return (
    <div lang={lang} className="policy-text">
      {value
        .split(/\n\s*\n/)
        .map((part) => part.trim())
        .filter(Boolean)
        .map((part, index) => (
          <p key={index}>{part}</p>
        ))}
    </div>
  );
}

export function useCapacityLabel() {
  const { t } = useTranslation();
  return useCallback(
    (capacity: Capacity | string): string => {
      switch (capacity) {
        case 'accountable':
          return t('policy.capacity.accountable');
        case 'orders':
          return t('policy.capacity.orders');
        case 'executes':
          return t('policy.capacity.executes');
        case 'administers':
          return t('policy.capacity.administers');
        case 'controls':
          return t('policy.capacity.controls');
        case 'supports':
          return t('policy.capacity.supports');
        case 'advises':
          return t('policy.capacity.advises');
        default:
          return capacity;
      }
    },
    [t],
  );
}

export function useSeverityLabel() {
  const { t } = useTranslation();
  return useCallback(
    (severity: Severity | string): string => {
      switch (severity) {
        case 'high':
          return t('policy.severity.high');
        case 'medium':
          return t('policy.severity.medium');
        case 'low':
          return t('policy.severity.low');
        default:
          return severity;
      }
    },
    [t],
  );
}
