import type { NotificationKind } from '../../contracts/notifications.js';
import type { SignalStatus } from '../../contracts/signals.js';

/**
 * The texts of e-mails. They never carry case content: no names, no concerns, no outcomes — a link only, so the
 * reader logs in (professionals) or enters their reference code (signallers) to see more.
 */
export interface MailText {
  subject: string;
  body: string;
}

const footer = '\n\nDit is een automatisch bericht van Schakel. Je kunt er niet op antwoorden.';

const PROFESSIONAL: Record<NotificationKind, string> = {
  'signal.received': 'Er is een nieuw signaal binnengekomen om te beoordelen.',
  'signal.overdue': 'Een signaal is niet op tijd beoordeeld.',
  'signal.passed_on': 'Er is een signaal aan jullie organisatie doorgegeven.',
  'household.assigned': 'Je bent regisseur geworden van een huishouden.',
  'household.unassigned': 'Je bent geen regisseur meer van een huishouden.',
  'meldcode.opened': 'Voor een huishouden is de meldcode gestart.',
  'stagnation.alert': 'Er is een knelpunt gemeld bij een huishouden.',
  'consent.withdrawn': 'Een toestemming om gegevens met jullie organisatie te delen is ingetrokken.',
  'emergency.started': 'Er is noodtoegang gebruikt. Beoordeel dit als privacyfunctionaris.',
};

export function professionalMail(kind: NotificationKind, link: string): MailText {
  return {
    subject: 'Nieuw bericht in Schakel',
    body: `${PROFESSIONAL[kind]}\n\nLog in om het te bekijken:\n${link}${footer}`,
  };
}

/** The daily digest: how many new notifications there are and a link to the inbox; nothing about what they are. */
export function digestMail(count: number, inboxLink: string): MailText {
  const what = count === 1 ? 'Er is 1 nieuw bericht' : `Er zijn ${count} nieuwe berichten`;
  return {
    subject: 'Je dagelijkse overzicht van Schakel',
    body: `${what} voor je in Schakel sinds het vorige overzicht.\n\nLog in om ze te bekijken:\n${inboxLink}${footer}`,
  };
}

const STATUS_TEXT: Record<SignalStatus, string> = {
  received: 'We hebben je melding ontvangen. We kijken er zo snel mogelijk naar.',
  picked_up: 'Je melding is opgepakt. Iemand gaat ermee aan de slag.',
  closed: 'We hebben je melding bekeken en afgesloten.',
};

/** To a signaller without an account: the status in plain Dutch (B1), the code, and where to look it up. */
export function signallerMail(status: SignalStatus, referenceCode: string, link: string): MailText {
  return {
    subject: status === 'received' ? 'We hebben je melding ontvangen' : 'Nieuws over je melding',
    body:
      `${STATUS_TEXT[status]}\n\nJe code is: ${referenceCode}\n` +
      `Met deze code kun je altijd zien hoe het met je melding staat:\n${link}\n\n` +
      'Wat we met je melding doen, mogen we je niet vertellen. Dat is om de privacy van de mensen te beschermen.' +
      footer,
  };
}
