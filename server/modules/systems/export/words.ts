import type { Locale } from '../../../../shared/roles.ts';
import type { AuthMethod, Criticality, DataLocation, Hosting, Lifecycle, PersonalData, SystemKind } from '../model.ts';

/**
 * The register's codes in words, as the web app shows them (web/src/i18n/{sv,en}.json, systems.*),
 * for the export and for the import that reads the export back. A word maps to exactly one code in each
 * language, so a file written in either language reads back to the same codes.
 */
export interface SystemWords {
  yes: string;
  no: string;
  kind: Record<SystemKind, string>;
  lifecycle: Record<Lifecycle, string>;
  criticality: Record<Criticality, string>;
  hosting: Record<Hosting, string>;
  dataLocation: Record<DataLocation, string>;
  personalData: Record<PersonalData, string>;
  authMethod: Record<AuthMethod, string>;
}

export const SYSTEM_WORDS: Record<Locale, SystemWords> = {
  sv: {
    yes: 'Ja',
    no: 'Nej',
    kind: { business: 'Verksamhetssystem', e_service: 'E-tjänst', program: 'Program', integration: 'Integration', infrastructure: 'Infrastruktur' },
    lifecycle: { planned: 'Planerad', implementing: 'Under införande', in_operation: 'I drift', retiring: 'Under avveckling', retired: 'Avvecklad' },
    criticality: { low: 'Låg', medium: 'Medel', high: 'Hög' },
    hosting: {
      internal_it: 'IT-enheten, i kommunens nät',
      internal_supplier: 'Leverantör, i kommunens nät',
      supplier_hosted: 'Hos leverantören',
      saas: 'Molntjänst (SaaS)',
      cloud_tenant: 'Egen miljö i molnet',
      public_body: 'Annan myndighet',
    },
    dataLocation: { sweden: 'Sverige', eu_eea: 'EU/EES', third_country: 'Tredje land' },
    personalData: { none: 'Inga personuppgifter', personal: 'Personuppgifter', sensitive: 'Känsliga personuppgifter' },
    authMethod: {
      sso: 'Gemensam inloggning (SSO)',
      directory: 'Kommunens katalogtjänst',
      local_accounts: 'Egna konton i systemet',
      eid: 'E-legitimation',
      none: 'Ingen inloggning',
      other: 'Annat',
    },
  },
  en: {
    yes: 'Yes',
    no: 'No',
    kind: { business: 'Business system', e_service: 'E-service', program: 'Program', integration: 'Integration', infrastructure: 'Infrastructure' },
    lifecycle: { planned: 'Planned', implementing: 'Being implemented', in_operation: 'In operation', retiring: 'Being retired', retired: 'Retired' },
    criticality: { low: 'Low', medium: 'Medium', high: 'High' },
    hosting: {
      internal_it: 'IT unit, in the municipal network',
      internal_supplier: 'Supplier, in the municipal network',
      supplier_hosted: 'At the supplier',
      saas: 'Cloud service (SaaS)',
      cloud_tenant: 'Own tenant in the cloud',
      public_body: 'Another public body',
    },
    dataLocation: { sweden: 'Sweden', eu_eea: 'EU/EEA', third_country: 'Third country' },
    personalData: { none: 'No personal data', personal: 'Personal data', sensitive: 'Sensitive personal data' },
    authMethod: {
      sso: 'Single sign-on (SSO)',
      directory: 'The municipal directory',
      local_accounts: 'Local accounts in the system',
      eid: 'e-ID',
      none: 'No sign-in',
      other: 'Other',
    },
  },
};

/**
 * How lists sit in one cell: using units joined with ", " (as people write them); role holders with
 * "; " (a name may be written "Efternamn, Förnamn"); aliases and links one per line (an alias may hold
 * a comma); a link as `label <url>`.
 */
export const LIST_SEPARATOR = ', ';
export const PEOPLE_SEPARATOR = '; ';
export const LINE_SEPARATOR = '\n';
export const formatLink = (l: { label: string; url: string }): string => `${l.label} <${l.url}>`;
