/** Logging in with a second factor (TOTP authenticator app) and recovery codes. Plain Dutch, je/jij-vorm. */
export const securityNl = {
  nav: 'Beveiliging',
  errors: {
    INVALID_SECOND_FACTOR:
      'Deze code klopt niet, of is al gebruikt. Wacht op de volgende code en probeer het opnieuw.',
    SECOND_FACTOR_REQUIRED: 'Vul eerst de code uit je authenticator-app in.',
    SECOND_FACTOR_ENROLMENT_REQUIRED: 'Stel eerst inloggen in twee stappen in.',
    TOO_MANY_ATTEMPTS:
      'Je hebt te vaak een verkeerde code ingevuld. Wacht een kwartier en probeer het daarna opnieuw.',
  },
  code: {
    label: 'Code uit je authenticator-app',
    hint: 'Zes cijfers. Elke 30 seconden komt er een nieuwe code.',
    invalid: 'Vul de zes cijfers uit je app in.',
  },
  login: {
    title: 'Inloggen in twee stappen',
    intro: 'Voer de code uit je authenticator-app in.',
    submit: 'Controleren',
    useRecovery: 'Telefoon niet bij de hand? Herstelcode gebruiken',
    useApp: 'Code uit de app gebruiken',
    recoveryLabel: 'Herstelcode',
    recoveryHint:
      'Een van de herstelcodes die je hebt bewaard, bijvoorbeeld k7m2-9xqf. Elke code werkt één keer.',
    recoveryInvalid: 'Vul een herstelcode in, bijvoorbeeld k7m2-9xqf.',
    cancel: 'Uitloggen en opnieuw beginnen',
  },
  enrol: {
    title: 'Inloggen in twee stappen instellen',
    requiredIntro:
      'Voor jouw rol of organisatie is inloggen in twee stappen verplicht. Je logt dan in met je wachtwoord én een code uit een app op je telefoon. Stel dit nu in; het duurt een paar minuten.',
    voluntaryIntro:
      'Met inloggen in twee stappen kan niemand met alleen je wachtwoord in Schakel. Je hebt er een authenticator-app voor nodig, zoals Microsoft Authenticator, Google Authenticator of FreeOTP.',
    step1: 'Stap 1: installeer een authenticator-app op je telefoon, als je die nog niet hebt.',
    step2: 'Stap 2: scan deze QR-code met de app.',
    qrAlt: 'QR-code om Schakel toe te voegen aan je authenticator-app',
    manual: 'Lukt scannen niet? Voer dan deze sleutel in de app in:',
    copySecret: 'Sleutel kopiëren',
    step3: 'Stap 3: vul de code in die de app nu laat zien.',
    confirm: 'Bevestigen',
    start: 'Instellen',
    cancel: 'Annuleren',
    signOut: 'Uitloggen',
  },
  recovery: {
    title: 'Je herstelcodes',
    intro:
      'Bewaar deze codes op een veilige plek, bijvoorbeeld uitgeprint in een afgesloten la of in een wachtwoordmanager. Ben je je telefoon kwijt, dan log je in met een van deze codes. Elke code werkt één keer.',
    once: 'Je ziet deze codes maar één keer.',
    listLabel: 'Herstelcodes',
    copy: 'Codes kopiëren',
    copied: 'Gekopieerd',
    download: 'Codes downloaden',
    fileName: 'schakel-herstelcodes.txt',
    fileHeader: 'Herstelcodes voor Schakel ({{email}}). Elke code werkt één keer.',
    saved: 'Ik heb de codes bewaard',
    continue: 'Verder naar Schakel',
  },
  page: {
    badgeOn: 'Aan',
    title: 'Beveiliging',
    intro: 'Hier stel je in hoe je inlogt.',
    statusTitle: 'Inloggen in twee stappen',
    on: 'Aan sinds {{date}}.',
    off: 'Uit. Je logt in met alleen je wachtwoord.',
    required: 'Verplicht voor jouw rol of organisatie. Je kunt het niet uitzetten.',
    codesLeft_one: 'Je hebt nog {{count}} ongebruikte herstelcode.',
    codesLeft_other: 'Je hebt nog {{count}} ongebruikte herstelcodes.',
    codesLow: 'Je hebt bijna geen herstelcodes meer. Maak nieuwe aan.',
    turnOn: 'Inloggen in twee stappen aanzetten',
    newCodesTitle: 'Nieuwe herstelcodes maken',
    newCodesIntro: 'Je oude herstelcodes werken daarna niet meer. Vul ter controle de code uit je app in.',
    newCodes: 'Nieuwe codes maken',
    turnOffTitle: 'Inloggen in twee stappen uitzetten',
    turnOffIntro: 'Daarna log je in met alleen je wachtwoord. Vul ter controle de code uit je app in.',
    turnOff: 'Uitzetten',
    turnedOff: 'Inloggen in twee stappen staat uit.',
    turnedOn: 'Inloggen in twee stappen staat aan.',
  },
  admin: {
    requireSecondFactor: 'Inloggen in twee stappen verplicht voor alle medewerkers',
    requireSecondFactorHint:
      'Medewerkers zonder authenticator-app moeten dit bij hun volgende stap in Schakel instellen. Voor beheerders en privacyfunctionarissen is het altijd verplicht.',
    required: 'Twee stappen verplicht',
  },
};
