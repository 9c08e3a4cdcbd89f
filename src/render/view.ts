import { contactHref, shownUrl } from '../model/links.js';
import { localeFor, type Locale } from '../model/locale.js';
import type { ContactKind, Person, Resume } from '../model/resume.js';
import { chooseEngine, CJK_RANGES, type CjkLanguage, type EngineChoice, type EngineName } from '../model/scripts.js';
import { FONTS, type FontFamily } from './fonts.js';
import { iconFor, type Icon } from './icons/catalog.js';
import type { Theme } from './theme.js';

/** A contact detail as the header shows it. */
export interface Contact {
  kind: ContactKind;
  text: string;
  href?: string;
  /** Present when the theme shows icons (`icons: true`); drawn, never text. */
  icon?: Icon;
}

export interface PhotoAsset {
  /** The file name beside the generated .tex. */
  fileName: string;
  /** The image inlined for the HTML page (absent for a PDF photo). */
  dataUri?: string;
}

/** What the templates see: the model, plus what is derived from it once here rather than in every template. */
export interface View {
  resume: Resume;
  person: Person;
  summary: Resume['summary'];
  sections: Resume['sections'];
  /** The theme's defaults under the frontmatter's settings. */
  settings: Record<string, unknown> & { spacing: number; pageNumbers: boolean };
  /** The font family as LaTeX (an NFSS family), CSS (a font stack) and XeLaTeX (OpenType fonts) name it. */
  font: (typeof FONTS)[FontFamily];
  contacts: Contact[];
  photo?: PhotoAsset;
  meta: { title: string; author: string; subject: string; keywords: string };
  /** Words the layout prints by itself (not from the resume), in the resume's language. */
  labels: Locale['labels'];
  /**
   * What the HTML page tells screen readers, in the resume's language: the photo's description (with the name), the
   * summary's name.
   */
  accessible: Locale['accessible'];
  /** The locale's language tag, for the HTML `lang`. */
  lang: string;
  /** The TeX engine the document is for: the theme's font setup follows `engine.xetex`. */
  engine: EngineView;
  machinery: string;
  macros: string;
  css: string;
}

export interface EngineView {
  name: EngineName;
  xetex: boolean;
  /** Present when the resume prints CJK text: the fonts' OpenType language and the code point ranges set in them. */
  cjk?: { language: CjkLanguage; ranges: { from: number; to: number }[] };
}

export function buildView(
  resume: Resume,
  theme: Theme,
  photo?: PhotoAsset,
  engine: EngineChoice = chooseEngine(resume).choice,
): View {
  const { person } = resume;
  const settings = settingsFor(resume, theme);
  const locale = localeFor(resume.settings.locale);
  return {
    resume,
    person,
    summary: resume.summary,
    sections: resume.sections,
    settings,
    font: FONTS[settings['font'] as FontFamily] ?? FONTS.charter,
    contacts: theme.icons
      ? contactsOf(person).map((contact) => ({ ...contact, icon: iconFor(contact) }))
      : contactsOf(person),
    photo,
    meta: documentMeta(resume, locale),
    labels: locale.labels,
    accessible: { ...locale.accessible, photo: locale.accessible.photo.replace('{name}', () => person.name) },
    lang: locale.tag,
    engine: engineView(engine),
    machinery: theme.machinery,
    macros: theme.macros,
    css: theme.css,
  };
}

/** The document's title, author, subject and keywords, as a PDF's or a Word file's properties give them. */
export function documentMeta(resume: Resume, locale: Locale = localeFor(resume.settings.locale)): View['meta'] {
  const { person } = resume;
  return {
    title: `${person.name} \u2013 ${locale.labels.resume}`,
    author: person.name,
    subject: person.headline ?? locale.labels.resume,
    keywords: (resume.settings.keywords ?? technologies(resume)).join(', '),
  };
}

/** The settings in force: mdcv's defaults, under the theme's, under the frontmatter's. */
export function settingsFor(resume: Resume, theme: Theme): View['settings'] {
  return { spacing: 100, pageNumbers: false, ...theme.defaults, ...definedOnly(resume.settings) };
}

function engineView(choice: EngineChoice): EngineView {
  return {
    name: choice.engine,
    xetex: choice.engine === 'xelatex',
    cjk:
      choice.cjk && choice.engine === 'xelatex'
        ? { language: choice.cjk, ranges: CJK_RANGES.map(([from, to]) => ({ from, to })) }
        : undefined,
  };
}

export function contactsOf(person: Person): Contact[] {
  const { email, phone, location, website } = person;
  const details: Partial<Record<'email' | 'phone' | 'location' | 'website', Contact>> = {
    email: email ? { kind: 'email', text: email, href: contactHref('email', email) } : undefined,
    phone: phone ? { kind: 'phone', text: phone, href: contactHref('phone', phone) } : undefined,
    location: location ? { kind: 'location', text: location } : undefined,
    website: website ? { kind: 'website', text: shownUrl(website), href: website } : undefined,
  };
  const links = person.links.map((link): Contact => ({ kind: 'link', text: link.label, href: link.url }));
  const slots = person.contactOrder ?? [];
  // A location the body wrote as several places (`Lisbon | … | Remote`) is shown where each was written.
  const places = slots.flatMap((slot) => (slot.kind === 'location' ? [slot.place] : []));
  const apart = places.length > 1 && places.join(', ') === location;
  const contacts: Contact[] = [];
  const shown = new Set<Contact>();
  const show = (contact: Contact | undefined): void => {
    if (contact && !shown.has(contact)) contacts.push(contact);
    if (contact) shown.add(contact);
  };
  for (const slot of slots) {
    if (slot.kind === 'link') show(links[slot.index]);
    else if (slot.kind === 'location' && apart) contacts.push({ kind: 'location', text: slot.place });
    else show(details[slot.kind]);
  }
  if (apart) shown.add(details.location!);
  for (const contact of [...Object.values(details), ...links]) show(contact);
  return contacts;
}

/** Every distinct `Technologies:` value, in order: good PDF keywords for search. */
function technologies(resume: Resume): string[] {
  const seen = new Set<string>();
  for (const section of resume.sections) {
    for (const entry of section.entries) {
      for (const owner of [entry, ...entry.roles]) {
        for (const line of owner.details) {
          if (line.type !== 'fact' || !/^(technolog|tech|stack|skills|tools)/i.test(line.label)) continue;
          for (const word of line.value.plain.split(',')) if (word.trim()) seen.add(word.trim());
        }
      }
    }
  }
  return [...seen];
}

function definedOnly(record: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined));
}
