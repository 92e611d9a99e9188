import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MeldcodeStepData } from '../../contracts/meldcode.js';
import { type Answers, checkStep, latestSteps, nextStep, requiredDecision } from './steps.js';

const a = (answer: boolean) => ({ answer, note: '' });
const step1: MeldcodeStepData = { step: 1, signals: 'Blauwe plekken gezien' };
const step2: MeldcodeStepData = {
  step: 2,
  colleague: 'Besproken met aandachtsfunctionaris',
  veiligThuisConsulted: false,
  veiligThuisAdvice: '',
};
const step3: MeldcodeStepData = {
  step: 3,
  skipped: false,
  conversation: 'Gesprek met moeder',
  skipReason: '',
};
const step4 = (x: Answers): MeldcodeStepData => ({
  step: 4,
  suspicion: a(x.suspicion),
  acuteOrStructural: a(x.acuteOrStructural),
  canHelp: a(x.canHelp),
  accepted: a(x.accepted),
  safeInTime: a(x.safeInTime),
});
const step5 = (
  report: boolean,
  organiseHelp: boolean,
  reportedOn: string | null = null,
): MeldcodeStepData => ({ step: 5, report, organiseHelp, reportedOn, explanation: 'Besluit' });
const latest = (...steps: MeldcodeStepData[]) => latestSteps(steps.map((d) => ({ step: d.step, data: d })));
const today = '2026-03-01';
const answersArb = fc.record({
  suspicion: fc.boolean(),
  acuteOrStructural: fc.boolean(),
  canHelp: fc.boolean(),
  accepted: fc.boolean(),
  safeInTime: fc.boolean(),
});

describe('meldcode steps', () => {
  it('go in order: no step before the ones it builds on', () => {
    expect(checkStep(latest(), step2, today)).toEqual([{ path: 'step', message: 'Record step 1 first.' }]);
    expect(checkStep(latest(step1), step2, today)).toEqual([]);
    expect(
      checkStep(
        latest(step1, step2),
        step4({ suspicion: true, acuteOrStructural: false, canHelp: true, accepted: true, safeInTime: true }),
        today,
      ),
    ).toEqual([{ path: 'step', message: 'Record step 3 first.' }]);
    expect(nextStep(latest(step1, step2))).toBe(3);
    expect(
      nextStep(
        latest(
          step1,
          step2,
          step3,
          step4({
            suspicion: false,
            acuteOrStructural: false,
            canHelp: true,
            accepted: true,
            safeInTime: true,
          }),
          step5(false, false),
        ),
      ),
    ).toBeNull();
  });

  it('step 3 may be skipped only with a reason', () => {
    expect(
      checkStep(
        latest(step1, step2),
        { step: 3, skipped: true, conversation: '', skipReason: '' },
        today,
      ).map((i) => i.path),
    ).toEqual(['skipReason']);
    expect(
      checkStep(
        latest(step1, step2),
        { step: 3, skipped: true, conversation: '', skipReason: 'Vader is agressief' },
        today,
      ),
    ).toEqual([]);
  });

  it('Veilig Thuis advice is recorded when consulted', () => {
    expect(
      checkStep(latest(step1), { ...step2, veiligThuisConsulted: true }, today).map((i) => i.path),
    ).toEqual(['veiligThuisAdvice']);
  });

  it('the afwegingskader: acute or structural unsafety requires a report with its date', () => {
    const unsafe = step4({
      suspicion: true,
      acuteOrStructural: true,
      canHelp: true,
      accepted: true,
      safeInTime: true,
    });
    const before = latest(step1, step2, step3, unsafe);
    expect(checkStep(before, step5(false, true), today).map((i) => i.path)).toEqual(['report']);
    expect(checkStep(before, step5(true, true), today).map((i) => i.path)).toEqual(['reportedOn']);
    expect(checkStep(before, step5(true, false, '2026-03-02'), today).map((i) => i.path)).toEqual([
      'reportedOn',
    ]);
    expect(checkStep(before, step5(true, true, '2026-02-28'), today)).toEqual([]);
  });

  it('requires a report exactly when there is a suspicion and any later question goes the wrong way', () => {
    fc.assert(
      fc.property(answersArb, (x) => {
        const r = requiredDecision(x);
        if (!x.suspicion) expect(r).toBe('close');
        else if (x.acuteOrStructural || !x.canHelp || !x.accepted || !x.safeInTime) expect(r).toBe('report');
        else expect(r).toBe('help_or_report');
      }),
    );
    expect(requiredDecision(null)).toBe('pending');
  });

  it('a decision the framework allows is accepted; one it forbids is refused', () => {
    fc.assert(
      fc.property(answersArb, fc.boolean(), fc.boolean(), (x, report, help) => {
        const issues = checkStep(
          latest(step1, step2, step3, step4(x)),
          step5(report, help, report ? '2026-02-27' : null),
          today,
        );
        const r = requiredDecision(x);
        const allowed = r === 'close' ? true : r === 'report' ? report : report || help;
        expect(issues.length === 0).toBe(allowed);
      }),
    );
  });
});
