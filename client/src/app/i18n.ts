import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import en from "./locales/en.json";
import nl from "./locales/nl.json";

/** The UI languages: Dutch first (the coordinators' language), English for international staff. */
export const languages = ["nl", "en"] as const;
export type UiLanguage = (typeof languages)[number];

const storageKey = "werkplaats.language";

function storedLanguage(): UiLanguage {
  try {
    const value = localStorage.getItem(storageKey);
    return value === "en" ? "en" : "nl";
  } catch {
    return "nl";
  }
}

/** Switches the UI language, remembers it, and tells assistive technology through <html lang>. */
export async function setUiLanguage(language: UiLanguage): Promise<void> {
  await i18next.changeLanguage(language);
  document.documentElement.lang = language;
  try {
    localStorage.setItem(storageKey, language);
  } catch {
    // Private mode: the choice lasts this page only.
  }
}

export const i18n = i18next;

void i18next.use(initReactI18next).init({
  resources: { nl: { translation: nl }, en: { translation: en } },
  lng: storedLanguage(),
  fallbackLng: "nl",
  interpolation: { escapeValue: false },
  returnNull: false,
});
document.documentElement.lang = i18next.language;
