import PDFDocument from 'pdfkit';
import type { Agreement } from '../../../contracts/plan.js';
import { LIFE_DOMAIN_NAMES, type LifeDomain } from '../../../domain/plan/domains.js';
import { PDF_TEXT } from './pdf-text.js';

type Lang = 'nl' | 'en';

/** Everything the paper plan shows; built by the export use case from a plan version. */
export interface PaperPlan {
  lang: Lang;
  household: { name: string; address: string; members: string[] };
  version: { number: number; agreedOn: string | null } | null;
  madeOn: string;
  helpQuestions: { who: string | null; domain: LifeDomain; text: string }[];
  goals: {
    text: string;
    members: string[];
    kind: string;
    successCriterion: string;
    targetDate: string | null;
    status: string;
    actions: { what: string; who: string; dueDate: string; status: string }[];
  }[];
  evaluations: { date: string; participants: string[] }[];
  contacts: { role: string; name: string; organisation: string; phone: string; email: string }[];
  agreement: Agreement | null;
}

/** dd-mm-yyyy (nl) or dd/mm/yyyy (en) for an ISO date. */
export function paperDate(iso: string, lang: Lang): string {
  const [y, m, d] = iso.slice(0, 10).split('-');
  return lang === 'en' ? `${d}/${m}/${y}` : `${d}-${m}-${y}`;
}

const INK = '#1a1a1a';
const ACCENT = '#0b5563';
const MUTED = '#4a4a4a';

/** Renders the plan as an A4 PDF with the built-in Helvetica fonts. */
export function renderPlanPdf(plan: PaperPlan): Promise<Buffer> {
  const t = PDF_TEXT[plan.lang];
  const date = (iso: string) => paperDate(iso, plan.lang);
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 56, bottom: 64, left: 56, right: 56 },
    bufferPages: true,
    info: { Title: t.title(plan.household.name), Author: 'Schakel' },
    lang: plan.lang === 'nl' ? 'nl-NL' : 'en-GB',
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const heading = (text: string) => {
    if (doc.y > doc.page.height - 160) doc.addPage();
    doc
      .moveDown(0.8)
      .font('Helvetica-Bold')
      .fontSize(15)
      .fillColor(ACCENT)
      .text(text, doc.page.margins.left, doc.y, { width })
      .moveDown(0.3);
    doc.font('Helvetica').fontSize(12).fillColor(INK);
  };
  const line = (text: string, opts: { indent?: number; bold?: boolean; muted?: boolean } = {}) => {
    doc
      .font(opts.bold ? 'Helvetica-Bold' : 'Helvetica')
      .fontSize(12)
      .fillColor(opts.muted ? MUTED : INK)
      .text(text, doc.page.margins.left + (opts.indent ?? 0), doc.y, {
        width: width - (opts.indent ?? 0),
        lineGap: 2,
      });
  };

  doc.font('Helvetica-Bold').fontSize(22).fillColor(INK).text(t.title(plan.household.name), { width });
  const versionLine = plan.version
    ? `${t.version(plan.version.number)} · ${plan.version.agreedOn ? t.agreedOn(date(plan.version.agreedOn)) : t.notAgreed}`
    : t.noVersion;
  doc
    .moveDown(0.2)
    .font('Helvetica')
    .fontSize(11)
    .fillColor(MUTED)
    .text(`${versionLine}. ${t.made(date(plan.madeOn))}`, { width });
  doc.moveDown(0.6).fontSize(12).fillColor(INK).text(t.intro, { width, lineGap: 2 });

  heading(t.household);
  line(plan.household.members.join(', ') || '—');
  if (plan.household.address) line(plan.household.address, { muted: true });

  if (plan.helpQuestions.length > 0) {
    heading(t.questions);
    for (const q of plan.helpQuestions) {
      line(
        `• ${q.who ? `${q.who} (${LIFE_DOMAIN_NAMES[plan.lang][q.domain]})` : LIFE_DOMAIN_NAMES[plan.lang][q.domain]}: "${q.text}"`,
      );
    }
  }

  heading(t.goals);
  if (plan.goals.length === 0) line(t.noGoals, { muted: true });
  plan.goals.forEach((g, i) => {
    if (doc.y > doc.page.height - 180) doc.addPage();
    doc.moveDown(0.4);
    line(`${t.goal(i + 1)}: "${g.text}"`, { bold: true });
    line(`${t.forWhom}: ${g.members.join(', ')} · ${t.kind[g.kind] ?? g.kind}`, { indent: 14 });
    line(`${t.how}: ${g.successCriterion}`, { indent: 14 });
    line(
      `${g.targetDate ? `${t.when}: ${date(g.targetDate)} · ` : ''}${t.status}: ${t.goalStatus[g.status] ?? g.status}`,
      { indent: 14 },
    );
    doc.moveDown(0.2);
    line(t.whoDoesWhat, { indent: 14, bold: true });
    if (g.actions.length === 0) line(t.noActions, { indent: 28, muted: true });
    for (const a of g.actions) {
      line(
        `• ${a.who}: ${a.what} — ${t.before} ${date(a.dueDate)} (${t.actionStatus[a.status] ?? a.status})`,
        { indent: 28 },
      );
    }
  });

  heading(t.evaluations);
  if (plan.evaluations.length === 0) line(t.noEvaluations, { muted: true });
  for (const e of plan.evaluations)
    line(`• ${date(e.date)}${e.participants.length ? `, ${t.with} ${e.participants.join(', ')}` : ''}`);

  heading(t.call);
  for (const c of plan.contacts) {
    line(`${c.role ? `${c.role}: ` : ''}${c.name}, ${c.organisation}`, { bold: c.role !== '' });
    line([c.phone, c.email].filter(Boolean).join(' · '), { indent: 14, muted: true });
  }

  if (plan.agreement) {
    heading(t.agreement);
    const a = plan.agreement;
    if (a.members.length === 0 && a.organisations.length === 0) line(t.noAgreement, { muted: true });
    for (const m of a.members) line(`• ${t.agreedBy(m.name, date(m.signedOn), m.method === 'paper')}`);
    for (const o of a.organisations) line(`• ${t.acknowledgedBy(o.name, date(o.acknowledgedOn))}`);
  }

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font('Helvetica')
      .fontSize(9)
      .fillColor(MUTED)
      .text(
        `${plan.household.name} · ${t.page(i + 1, range.count)}`,
        doc.page.margins.left,
        doc.page.height - 40,
        { width, align: 'center' },
      );
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}
