/** Every string of the interface, Arabic first. Article text is never translated or rewritten. */
export type Lang = 'ar' | 'en';

const STRINGS = {
  appName: { ar: 'مرصد', en: 'Marsad' },
  tagline: { ar: 'أحداث النزاع في ليبيا من الأخبار العربية', en: 'Conflict events in Libya from Arabic news' },
  tabMap: { ar: 'الخريطة', en: 'Map' },
  tabPaste: { ar: 'الصق مقالا', en: 'Paste an article' },
  langToggle: { ar: 'English', en: 'العربية' },
  filterType: { ar: 'النوع', en: 'Type' },
  filterActor: { ar: 'الفاعل', en: 'Actor' },
  filterPlace: { ar: 'المكان', en: 'Place' },
  filterText: { ar: 'بحث في النص', en: 'Text search' },
  filterSince: { ar: 'من', en: 'From' },
  filterUntil: { ar: 'إلى', en: 'To' },
  filterReset: { ar: 'مسح', en: 'Clear' },
  allTypes: { ar: 'كل الأنواع', en: 'All types' },
  exportCsv: { ar: 'تصدير CSV', en: 'Export CSV' },
  exportGeojson: { ar: 'تصدير GeoJSON', en: 'Export GeoJSON' },
  timeline: { ar: 'الأحداث يوما بيوم', en: 'Events per day' },
  timelineHint: { ar: '(اسحب لتحديد فترة، انقر مرتين للإلغاء)', en: '(drag to pick a period, double-click to clear)' },
  colDate: { ar: 'التاريخ', en: 'Date' },
  colType: { ar: 'النوع', en: 'Type' },
  colActors: { ar: 'الفاعلون', en: 'Actors' },
  colPlace: { ar: 'المكان', en: 'Place' },
  colFatalities: { ar: 'القتلى', en: 'Fatalities' },
  colSource: { ar: 'المصدر', en: 'Source' },
  tableSummary: { ar: 'عرض {shown} من {total} حدثا', en: 'Showing {shown} of {total} events' },
  noEvents: { ar: 'لا أحداث لهذه المرشحات', en: 'No events for these filters' },
  panelEmpty: {
    ar: 'اختر حدثا من الخريطة أو الجدول لعرض مصادره.',
    en: 'Pick an event on the map or in the table to see its sources.',
  },
  panelEvidence: { ar: 'ما ورد في المصدر', en: 'What the source says' },
  panelSources: { ar: 'المصادر', en: 'Sources' },
  panelClaimedBy: { ar: 'بحسب', en: 'Claimed by' },
  fieldDate: { ar: 'التاريخ', en: 'Date' },
  fieldActor1: { ar: 'الفاعل الأول', en: 'Actor 1' },
  fieldActor2: { ar: 'الفاعل الثاني', en: 'Actor 2' },
  fieldPlace: { ar: 'المكان', en: 'Place' },
  fieldFatalities: { ar: 'القتلى', en: 'Fatalities' },
  fieldInjured: { ar: 'الجرحى', en: 'Injured' },
  fieldModality: { ar: 'الصيغة', en: 'Modality' },
  fieldConfidence: { ar: 'الثقة', en: 'Confidence' },
  unknown: { ar: 'غير معروف', en: 'unknown' },
  none: { ar: '—', en: '—' },
  pasteTitle: { ar: 'العنوان', en: 'Title' },
  pastePublished: { ar: 'تاريخ النشر', en: 'Published' },
  pasteText: { ar: 'نص المقال', en: 'Article text' },
  pasteStore: { ar: 'احفظ في القاعدة', en: 'Save to the store' },
  pasteHighlighted: { ar: 'النص مع ما استُخرج منه', en: 'The text with what was found in it' },
  pasteEvents: { ar: 'الأحداث المستخرجة', en: 'Extracted events' },
  pasteWorking: { ar: 'جار الاستخراج…', en: 'Extracting…' },
  pasteDone: { ar: '{events} حدث، {entities} اسم', en: '{events} events, {entities} names' },
  pasteStored: { ar: 'حُفظ المقال وأحداثه', en: 'Article and events saved' },
  pasteNoEvents: { ar: 'لم يُعثر على أحداث.', en: 'No events found.' },
  error: { ar: 'خطأ: {message}', en: 'Error: {message}' },
  hlTrigger: { ar: 'الفعل', en: 'trigger' },
  hlActor: { ar: 'فاعل', en: 'actor' },
  hlPlace: { ar: 'مكان', en: 'place' },
  hlDate: { ar: 'تاريخ', en: 'date' },
  hlNumber: { ar: 'عدد', en: 'number' },
  hlClaim: { ar: 'مصدر الادعاء', en: 'claimant' },
  hlName: { ar: 'اسم', en: 'name' },
} satisfies Record<string, Record<Lang, string>>;

export type StringKey = keyof typeof STRINGS;

function isStringKey(key: string | undefined): key is StringKey {
  return key !== undefined && Object.hasOwn(STRINGS, key);
}

const EVENT_TYPES: Record<string, string> = {
  Battles: 'معارك',
  Protests: 'احتجاجات',
  Riots: 'أعمال شغب',
  'Explosions/Remote violence': 'انفجارات/عنف عن بعد',
  'Violence against civilians': 'عنف ضد المدنيين',
  'Strategic developments': 'تطورات استراتيجية',
};

const MODALITIES: Record<string, string> = {
  asserted: 'مؤكد',
  claimed: 'منسوب إلى مصدر',
  announced: 'معلن',
  planned: 'مخطط له',
  denied: 'منفي',
  threatened: 'تهديد',
};

let lang: Lang = localStorage.getItem('marsad.lang') === 'en' ? 'en' : 'ar';

export const currentLang = (): Lang => lang;

export function setLang(next: Lang): void {
  lang = next;
  localStorage.setItem('marsad.lang', next);
  document.documentElement.lang = next;
  document.documentElement.dir = next === 'ar' ? 'rtl' : 'ltr';
  for (const node of document.querySelectorAll<HTMLElement>('[data-i18n]')) {
    const key = node.dataset.i18n;
    if (!isStringKey(key)) throw new Error(`index.html: unknown data-i18n key "${key}"`);
    node.textContent = t(key);
  }
}

export function t(key: StringKey, values: Record<string, string | number> = {}): string {
  return STRINGS[key][lang].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ''));
}

export const eventTypeLabel = (type: string): string => (lang === 'ar' ? (EVENT_TYPES[type] ?? type) : type);
export const modalityLabel = (m: string): string => (lang === 'ar' ? (MODALITIES[m] ?? m) : m);

/** An actor or place in the interface's language: the record carries both names. */
export const localName = (x: { name: string; name_ar: string }): string =>
  lang === 'ar' ? x.name_ar || x.name : x.name;

export const formatNumber = (n: number): string => n.toLocaleString(lang === 'ar' ? 'ar-LY' : 'en-GB');
