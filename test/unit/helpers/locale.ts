/**
 * Makes `locale` the default of every `Intl.NumberFormat` created without one, as if the machine were set to it, so
 * tests of locale-sensitive formatting give the same answer on every machine. Returns the undo. A module that builds its
 * formatters when it loads must be imported (dynamically) after this call.
 */
export function useDefaultLocale(locale: string): () => void {
  const original = Intl.NumberFormat
  class DefaultLocaleNumberFormat extends original {
    constructor(locales?: Intl.LocalesArgument, options?: Intl.NumberFormatOptions) {
      super(locales ?? locale, options)
    }
  }
  Intl.NumberFormat = DefaultLocaleNumberFormat as typeof Intl.NumberFormat
  return () => {
    Intl.NumberFormat = original
  }
}
