/**
 * Inputs that make a text stage pay for the worst case: one sentence repeated, long runs of one
 * kind of word or mark, unclosed markup. Shared by the scaling tests (cost of 2n against n) and
 * `npm run bench -- scaling`, so both measure the same strings.
 */

/** A text input that can be made at any length. */
export interface ScalingInput {
  name: string;
  /** About `chars` UTF-16 code units of the input (a whole number of repeats of its unit). */
  make: (chars: number) => string;
}

/** `unit` repeated until the text is about `chars` long. */
export function repeatTo(unit: string, chars: number): string {
  return unit.repeat(Math.max(1, Math.round(chars / unit.length)));
}

/** A conflict report's sentence: a trigger, actors, a place, a date, a toll and a quotation. */
export const REPORT_SENTENCE =
  'قال مصدر عسكري لوكالة الأنباء إن قوات الجيش الليبي قصفت مواقع للميليشيات جنوب طرابلس مساء الخميس ' +
  '12 مارس 2020، ما أسفر عن مقتل ثلاثة مسلحين وإصابة عشرات المدنيين، وفق ما أعلنه «المركز الإعلامي». ';

/** Text inputs for the pipeline's stages: every run a stage could scan again and again. */
export const ADVERSARIAL_TEXTS: readonly ScalingInput[] = [
  { name: 'repeated sentence', make: (n) => repeatTo(REPORT_SENTENCE, n) },
  { name: 'one line, no stop', make: (n) => repeatTo('قصفت القوات مواقع المسلحين ', n) },
  { name: 'trigger words', make: (n) => repeatTo('قصف ', n) },
  { name: 'glued trigger words', make: (n) => repeatTo('قصف', n) },
  { name: 'number words', make: (n) => repeatTo('ثلاثة ', n) },
  { name: 'number words joined', make: (n) => repeatTo('وعشرون ', n) },
  { name: 'clitics', make: (n) => repeatTo('وبال', n) },
  { name: 'clitic words', make: (n) => repeatTo('و ', n) },
  { name: 'full stops', make: (n) => repeatTo('.', n) },
  { name: 'stops and spaces', make: (n) => repeatTo('. ', n) },
  { name: 'commas', make: (n) => repeatTo('،', n) },
  { name: 'punctuation', make: (n) => repeatTo('!?؟…-/()', n) },
  { name: 'digits', make: (n) => repeatTo('1', n) },
  { name: 'digit words', make: (n) => repeatTo('1 ', n) },
  { name: 'day list "1,"', make: (n) => repeatTo('1,', n) },
  { name: 'day list "1، "', make: (n) => repeatTo('1، ', n) },
  { name: 'day list "1 و"', make: (n) => repeatTo('1 و', n) },
  { name: 'numeric dates', make: (n) => repeatTo('1/1/', n) },
  { name: 'Arabic-Indic digits', make: (n) => repeatTo('١', n) },
  { name: 'tatweel', make: (n) => repeatTo('ـ', n) },
  { name: 'harakat', make: (n) => repeatTo('َ', n) },
  { name: 'letters with harakat', make: (n) => repeatTo('بَ', n) },
  { name: 'straight quotes', make: (n) => repeatTo('"', n) },
  { name: 'quoted words', make: (n) => repeatTo('"قصف" ', n) },
  {
    name: 'nested quotes',
    make: (n) => repeatTo(' «قصف', n / 3) + repeatTo(' "قصف', n / 3) + repeatTo('قصف" ', n / 3),
  },
  { name: 'opening guillemets', make: (n) => repeatTo('«قال ', n) },
  { name: 'guillemets', make: (n) => repeatTo('«»', n) },
  { name: 'month names', make: (n) => repeatTo('مارس ', n) },
  { name: 'weekdays', make: (n) => repeatTo('الخميس ', n) },
  { name: 'place cue words', make: (n) => repeatTo('جنوب ', n) },
  { name: 'name words', make: (n) => repeatTo('محمد ', n) },
  { name: 'title words', make: (n) => repeatTo('العقيد ', n) },
  // Triggers with no nationality adjective after them, and adjectives further on.
  { name: 'nationality adjectives', make: (n) => repeatTo('قصفت مدينة سرت أمس. وقال السفير التركي إن ', n) },
  { name: 'less-than signs', make: (n) => repeatTo('<', n) },
  { name: 'line breaks', make: (n) => repeatTo('قصف\n', n) },
];

/** Markup inputs for the HTML-to-text and TREC readers. */
export const ADVERSARIAL_MARKUP: readonly ScalingInput[] = [
  { name: 'less-than signs', make: (n) => repeatTo('<', n) },
  { name: '"<<<<" runs', make: (n) => repeatTo('<<<< ', n) },
  { name: 'unclosed tags', make: (n) => repeatTo('<p', n) },
  { name: 'unclosed comments', make: (n) => repeatTo('<!--', n) },
  { name: 'unclosed scripts', make: (n) => repeatTo('<script>', n) },
  { name: 'unclosed CDATA', make: (n) => repeatTo('<![CDATA[', n) },
  { name: '<DOC> fragments', make: (n) => repeatTo('<DOC>', n) },
  { name: '<DOC><TEXT> fragments', make: (n) => repeatTo('<DOC><TEXT>', n) },
  { name: 'closed empty <DOC>s', make: (n) => repeatTo('<DOC></DOC>\n', n) },
  { name: 'entities', make: (n) => repeatTo('&amp', n) },
  { name: 'paragraphs', make: (n) => repeatTo('<p>قصف</p>', n) },
];
