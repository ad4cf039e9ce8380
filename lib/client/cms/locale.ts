// Which language the editor at /admin/ speaks: ?locale=<code> when given,
// else the first of the browser's languages the registry has, else the
// source locale (listed first).

export interface AdminLocale {
  code: string;
  /** The registry's html lang, compared with the browser's languages. */
  lang: string;
  /** The page title in this language. */
  title: string;
}

export function chooseLocale(
  locales: readonly AdminLocale[],
  asked: string | null,
  browserLanguages: readonly string[],
): AdminLocale | undefined {
  const byCode = locales.find((l) => l.code === asked);
  if (byCode) return byCode;
  for (const language of browserLanguages) {
    const wanted = language.toLowerCase();
    const exact = locales.find((l) => l.lang.toLowerCase() === wanted);
    if (exact) return exact;
    const primary = wanted.split("-")[0];
    const sameLanguage = locales.find((l) => l.lang.toLowerCase().split("-")[0] === primary);
    if (sameLanguage) return sameLanguage;
  }
  return locales[0];
}
