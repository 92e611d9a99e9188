/**
 * The life domains of the Zelfredzaamheid-Matrix 2017 and its five levels. Only the domain names and level
 * labels are used here, never the matrix's (copyrighted) criteria texts.
 */
export const LIFE_DOMAINS = [
  'finances',
  'work_education',
  'daytime_activities',
  'housing',
  'domestic_relations',
  'mental_health',
  'physical_health',
  'substance_use',
  'basic_adl',
  'instrumental_adl',
  'social_network',
  'community_participation',
  'justice',
] as const;
export type LifeDomain = (typeof LIFE_DOMAINS)[number];

/** Dutch names, as the matrix calls them (used by the PDF and the B1 texts). */
export const LIFE_DOMAIN_NAMES: Record<'nl' | 'en', Record<LifeDomain, string>> = {
  nl: {
    finances: 'Financiën',
    work_education: 'Werk & opleiding',
    daytime_activities: 'Tijdsbesteding',
    housing: 'Huisvesting',
    domestic_relations: 'Huiselijke relaties',
    mental_health: 'Geestelijke gezondheid',
    physical_health: 'Lichamelijke gezondheid',
    substance_use: 'Middelengebruik',
    basic_adl: 'Basale ADL',
    instrumental_adl: 'Instrumentele ADL',
    social_network: 'Sociaal netwerk',
    community_participation: 'Maatschappelijke participatie',
    justice: 'Justitie',
  },
  en: {
    finances: 'Finances',
    work_education: 'Work & education',
    daytime_activities: 'Daytime activities',
    housing: 'Housing',
    domestic_relations: 'Domestic relations',
    mental_health: 'Mental health',
    physical_health: 'Physical health',
    substance_use: 'Substance use',
    basic_adl: 'Basic ADL',
    instrumental_adl: 'Instrumental ADL',
    social_network: 'Social network',
    community_participation: 'Community participation',
    justice: 'Justice',
  },
};

export const SCORES = [1, 2, 3, 4, 5] as const;
export type Score = (typeof SCORES)[number];

export const SCORE_LABELS: Record<'nl' | 'en', Record<Score, string>> = {
  nl: {
    1: 'acute problematiek',
    2: 'niet zelfredzaam',
    3: 'beperkt zelfredzaam',
    4: 'voldoende zelfredzaam',
    5: 'volledig zelfredzaam',
  },
  en: {
    1: 'acute problems',
    2: 'not self-reliant',
    3: 'limited self-reliance',
    4: 'sufficiently self-reliant',
    5: 'fully self-reliant',
  },
};

/** What the situation in a domain rests on. */
export const RELIANCE = ['own_strength', 'network', 'professional'] as const;
export type Reliance = (typeof RELIANCE)[number];
