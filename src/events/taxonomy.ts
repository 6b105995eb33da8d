/** ACLED's event types and sub-event types (events.md): data only, so that the web app can bundle it. */

/** ACLED's precedence, highest first: when one report fits several types, the higher wins (events.md). */
export const ACLED_PRECEDENCE: readonly string[] = [
  'Battles',
  'Protests',
  'Riots',
  'Explosions/Remote violence',
  'Violence against civilians',
  'Strategic developments',
];

export const ACLED_SUB_EVENT_TYPES = {
  Battles: ['Government regains territory', 'Non-state actor overtakes territory', 'Armed clash'],
  Protests: ['Excessive force against protesters', 'Protest with intervention', 'Peaceful protest'],
  Riots: ['Violent demonstration', 'Mob violence'],
  'Explosions/Remote violence': [
    'Chemical weapon',
    'Air/drone strike',
    'Suicide bomb',
    'Shelling/artillery/missile attack',
    'Remote explosive/landmine/IED',
    'Grenade',
  ],
  'Violence against civilians': ['Sexual violence', 'Attack', 'Abduction/forced disappearance'],
  'Strategic developments': [
    'Agreement',
    'Arrests',
    'Change to group/activity',
    'Disrupted weapons use',
    'Headquarters or base established',
    'Looting/property destruction',
    'Non-violent transfer of territory',
    'Other',
  ],
} as const;
