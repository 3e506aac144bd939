import { useTranslation } from "react-i18next";
import { languages, setUiLanguage, type UiLanguage } from "../app/i18n";

/** Two buttons, NL and EN; the pressed one is the current language. */
export function LanguageToggle() {
  const { t, i18n } = useTranslation();
  return (
    <div className="language-toggle" role="group" aria-label={t("shell.language")}>
      {languages.map((language: UiLanguage) => (
        <button
          key={language}
          type="button"
          lang={language}
          aria-pressed={i18n.language === language}
          onClick={() => void setUiLanguage(language)}
          title={t(`shell.languageName.${language}`)}
        >
          {language.toUpperCase()}
        </button>
      ))}
    </div>
  );
}
