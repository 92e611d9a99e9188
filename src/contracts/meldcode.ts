import { z } from 'zod';
import { Id, IsoDate, LongText, PersonRef } from './common.js';

export const MELDCODE_STEPS = [1, 2, 3, 4, 5] as const;
export const AFWEGING_QUESTIONS = [
  'suspicion',
  'acuteOrStructural',
  'canHelp',
  'accepted',
  'safeInTime',
] as const;
export type AfwegingQuestion = (typeof AFWEGING_QUESTIONS)[number];

export const Answer = z.strictObject({ answer: z.boolean(), note: LongText.default('') });

export const Step1 = z.strictObject({ step: z.literal(1), signals: LongText.min(1) });
export const Step2 = z.strictObject({
  step: z.literal(2),
  colleague: LongText.min(1),
  veiligThuisConsulted: z.boolean(),
  veiligThuisAdvice: LongText.default(''),
});
export const Step3 = z.strictObject({
  step: z.literal(3),
  skipped: z.boolean(),
  conversation: LongText.default(''),
  skipReason: LongText.default(''),
});
export const Step4 = z.strictObject({
  step: z.literal(4),
  suspicion: Answer,
  acuteOrStructural: Answer,
  canHelp: Answer,
  accepted: Answer,
  safeInTime: Answer,
});
export const Step5 = z.strictObject({
  step: z.literal(5),
  organiseHelp: z.boolean(),
  report: z.boolean(),
  reportedOn: IsoDate.nullable().default(null),
  explanation: LongText.min(1),
});
export const MeldcodeStepInput = z.discriminatedUnion('step', [Step1, Step2, Step3, Step4, Step5]);
export type MeldcodeStepInput = z.input<typeof MeldcodeStepInput>;
export type MeldcodeStepData = z.output<typeof MeldcodeStepInput>;

export const MeldcodeStep = z.object({
  step: z.number().int(),
  data: z.record(z.string(), z.unknown()),
  recordedBy: PersonRef,
  recordedAt: z.string(),
});
export const MeldcodeCase = z.object({
  id: Id,
  householdId: Id,
  status: z.enum(['open', 'closed']),
  openedAt: z.string(),
  steps: z.array(MeldcodeStep),
  nextStep: z.number().int().nullable(),
  /** What the afwegingskader requires after step 4: none yet, close (no suspicion), help is enough, or report. */
  required: z.enum(['pending', 'close', 'help_or_report', 'report']),
  report: z.object({ reportedOn: z.string(), basis: z.literal('meldrecht') }).nullable(),
  version: z.number().int(),
});
export type MeldcodeCase = z.infer<typeof MeldcodeCase>;
export const MeldcodeList = z.object({ items: z.array(MeldcodeCase) });
