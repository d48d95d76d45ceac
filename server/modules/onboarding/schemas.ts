import { z } from 'zod';
import { singleLine } from '../../platform/http/schemas.ts';

/** Request and response schemas of getting started (GET /api/onboarding, POST /api/onboarding/kommun). */

export const ONBOARDING_STEPS = ['kommun', 'functions', 'people', 'kommun_roles', 'systems', 'system_roles', 'confirmation'] as const;
export type OnboardingStepKey = (typeof ONBOARDING_STEPS)[number];

export const onboardingStep = z
  .object({
    key: z
      .enum(ONBOARDING_STEPS)
      .describe(
        'kommun: created; functions: IT unit and kansli marked; people: imported; kommun_roles: the roles the pack requires for the ' +
          "whole kommun held; systems: imported; system_roles: every system's required roles held; confirmation: first round done",
      ),
    done: z.boolean(),
    count: z
      .number()
      .int()
      .describe(
        'kommun: kommuner; functions: functions marked; people: active people; kommun_roles: roles held; systems: systems; ' +
          'system_roles: systems in use still lacking a required role; confirmation: systems in use never confirmed',
      ),
    total: z
      .number()
      .int()
      .nullable()
      .describe(
        'What count is measured against (functions: 2 per kommun; kommun_roles: required roles × kommuner; system_roles and confirmation: systems in use); null when there is none',
      ),
    href: z.string().describe('The page of the app where the step is done'),
  })
  .meta({ id: 'OnboardingStep' });

export const onboardingSchema = z
  .object({
    steps: z
      .array(onboardingStep)
      .describe('Getting started, in order; empty unless the caller reads the organisation and the register installation-wide'),
    canCreateKommun: z.boolean().describe('No kommun yet and the caller may create it (org:manage over the whole installation)'),
    figures: z
      .object({
        systems: z.number().int().describe('Systems the caller may see'),
        findings: z
          .object({ high: z.number().int(), medium: z.number().int(), low: z.number().int() })
          .describe('Open findings the caller may see, by severity'),
        vacantRoles: z.number().int().describe('Open findings of a vacant role the caller may see'),
      })
      .describe('The numbers of today, within what the caller may see'),
  })
  .meta({ id: 'Onboarding' });
export type Onboarding = z.infer<typeof onboardingSchema>;

export const createKommunBody = z.object({ name: singleLine(200).min(1).describe("The kommun's name, e.g. Svenljunga kommun") }).strict();

export const kommunCreated = z.object({
  kommunId: z.string(),
  kommunstyrelseId: z.string().describe('The kommunstyrelse created below it'),
});
