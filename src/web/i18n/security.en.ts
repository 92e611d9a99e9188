import type { securityNl } from './security.nl.js';

/** Logging in with a second factor (TOTP authenticator app) and recovery codes. */
export const securityEn: typeof securityNl = {
  nav: 'Security',
  errors: {
    INVALID_SECOND_FACTOR:
      'This code is not correct, or has been used already. Wait for the next code and try again.',
    SECOND_FACTOR_REQUIRED: 'Enter the code from your authenticator app first.',
    SECOND_FACTOR_ENROLMENT_REQUIRED: 'Set up two-step login first.',
    TOO_MANY_ATTEMPTS: 'You entered a wrong code too often. Wait fifteen minutes and try again.',
  },
  code: {
    label: 'Code from your authenticator app',
    hint: 'Six digits. The app shows a new code every 30 seconds.',
    invalid: 'Enter the six digits from your app.',
  },
  login: {
    title: 'Two-step login',
    intro: 'Enter the code from your authenticator app.',
    submit: 'Verify',
    useRecovery: 'No phone at hand? Use a recovery code',
    useApp: 'Use the code from the app',
    recoveryLabel: 'Recovery code',
    recoveryHint: 'One of the recovery codes you saved, for example k7m2-9xqf. Each code works once.',
    recoveryInvalid: 'Enter a recovery code, for example k7m2-9xqf.',
    cancel: 'Log out and start again',
  },
  enrol: {
    title: 'Set up two-step login',
    requiredIntro:
      'Two-step login is required for your role or organisation. You then log in with your password and a code from an app on your phone. Set it up now; it takes a few minutes.',
    voluntaryIntro:
      'With two-step login nobody can get into Schakel with your password alone. You need an authenticator app, such as Microsoft Authenticator, Google Authenticator or FreeOTP.',
    step1: 'Step 1: install an authenticator app on your phone, if you do not have one yet.',
    step2: 'Step 2: scan this QR code with the app.',
    qrAlt: 'QR code to add Schakel to your authenticator app',
    manual: 'Scanning does not work? Enter this key in the app instead:',
    copySecret: 'Copy key',
    step3: 'Step 3: enter the code the app shows now.',
    confirm: 'Confirm',
    start: 'Set up',
    cancel: 'Cancel',
    signOut: 'Log out',
  },
  recovery: {
    title: 'Your recovery codes',
    intro:
      'Keep these codes somewhere safe, for example printed in a locked drawer or in a password manager. If you lose your phone, log in with one of these codes. Each code works once.',
    once: 'You see these codes only once.',
    listLabel: 'Recovery codes',
    copy: 'Copy codes',
    copied: 'Copied',
    download: 'Download codes',
    fileName: 'schakel-recovery-codes.txt',
    fileHeader: 'Recovery codes for Schakel ({{email}}). Each code works once.',
    saved: 'I have saved the codes',
    continue: 'Continue to Schakel',
  },
  page: {
    badgeOn: 'On',
    title: 'Security',
    intro: 'How you log in.',
    statusTitle: 'Two-step login',
    on: 'On since {{date}}.',
    off: 'Off. You log in with your password only.',
    required: 'Required for your role or organisation. You cannot switch it off.',
    codesLeft_one: 'You have {{count}} unused recovery code left.',
    codesLeft_other: 'You have {{count}} unused recovery codes left.',
    codesLow: 'You are running out of recovery codes. Make new ones.',
    turnOn: 'Switch on two-step login',
    newCodesTitle: 'Make new recovery codes',
    newCodesIntro: 'Your old recovery codes stop working. Enter the code from your app to confirm.',
    newCodes: 'Make new codes',
    turnOffTitle: 'Switch off two-step login',
    turnOffIntro: 'You then log in with your password only. Enter the code from your app to confirm.',
    turnOff: 'Switch off',
    turnedOff: 'Two-step login is off.',
    turnedOn: 'Two-step login is on.',
  },
  admin: {
    requireSecondFactor: 'Two-step login required for all staff',
    requireSecondFactorHint:
      'Staff without an authenticator app must set it up at their next step in Schakel. For administrators and privacy officers it is always required.',
    required: 'Two steps required',
  },
};
