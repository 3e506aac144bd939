/**
 * The kinds of questions SMEs bring, as templates: a case takes a template's title (with the SME's
 * name), question, topics, wanted levels and effort; a completed sprint takes its outcome.
 */
import type { EducationLevel } from "./institutions.js";
import type { Effort } from "../../server/platform/model/graph-enums.js";

export interface CaseTemplate {
  /** Reads well followed by "voor <SME name>". */
  title: string;
  question: string;
  topics: readonly string[];
  wantedLevels: readonly EducationLevel[];
  effort: `${Effort}`;
  outcome: string;
}

export const CASE_TEMPLATES: readonly CaseTemplate[] = [
  {
    title: "Webshop opzetten",
    question:
      "We verkopen nu alleen in de winkel en willen ook online verkopen. Welk platform past bij ons en hoe richten we het in?",
    topics: ["web shop", "e-commerce"],
    wantedLevels: ["MBO", "HBO"],
    effort: "SPRINT",
    outcome: "Werkende webshop met productcatalogus, iDEAL-betaling en verzendopties, plus een handleiding voor het beheer.",
  },
  {
    title: "Webshop koppelen aan de voorraad",
    question: "Onze webshop en de kassa houden elk een eigen voorraad bij. We verkopen regelmatig iets wat er niet meer is.",
    topics: ["web shop", "automation"],
    wantedLevels: ["HBO"],
    effort: "SPRINT",
    outcome: "Koppeling tussen kassasysteem en webshop gebouwd en getest; voorraad wordt elk kwartier bijgewerkt.",
  },
  {
    title: "Verkopen via online marktplaatsen",
    question: "Is verkopen via grote online marktplaatsen iets voor ons, en wat levert het op na kosten en retouren?",
    topics: ["e-commerce", "marketing"],
    wantedLevels: ["HBO", "WO"],
    effort: "SPRINT",
    outcome: "Businesscase per marktplaats met marge na kosten, plus een stappenplan voor een proef van drie maanden.",
  },
  {
    title: "Dashboard voor omzet en marge",
    question:
      "We zien pas aan het eind van het kwartaal hoe we ervoor staan. We willen wekelijks omzet en marge per productgroep zien.",
    topics: ["dashboards", "data", "bookkeeping"],
    wantedLevels: ["HBO", "WO"],
    effort: "SPRINT",
    outcome: "Dashboard met omzet en marge per productgroep, gevoed uit de boekhouding, met uitleg voor de eigenaar.",
  },
  {
    title: "Klantdata beter benutten",
    question: "We hebben jaren aan klantgegevens maar doen er niets mee. Welke klanten komen terug en waarom?",
    topics: ["data", "marketing"],
    wantedLevels: ["WO", "HBO"],
    effort: "SEMESTER",
    outcome: "Analyse van klantsegmenten en terugkeergedrag met drie concrete acties voor gerichte mailings.",
  },
  {
    title: "Voorspellen van drukte met AI",
    question:
      "Kunnen we met onze verkoopcijfers en het weer voorspellen hoe druk het wordt, zodat we beter plannen en minder weggooien?",
    topics: ["AI", "data"],
    wantedLevels: ["WO", "HBO"],
    effort: "SEMESTER",
    outcome: "Voorspelmodel voor de dagdrukte (fout ca. 12%) en een eenvoudig weekoverzicht voor de planning.",
  },
  {
    title: "Facturatie en boekhouding automatiseren",
    question: "Facturen maken en inboeken kost ons elke week een dag. Wat kan automatisch?",
    topics: ["bookkeeping", "automation"],
    wantedLevels: ["MBO", "HBO"],
    effort: "SPRINT",
    outcome: "Facturen gaan nu automatisch vanuit de planning naar het boekhoudpakket; bankkoppeling ingericht.",
  },
  {
    title: "Digitale urenregistratie",
    question: "Onze monteurs schrijven hun uren op papier. We zoeken een eenvoudige app die aansluit op de loonadministratie.",
    topics: ["automation", "bookkeeping"],
    wantedLevels: ["MBO", "HBO"],
    effort: "SMALL",
    outcome: "Vergelijking van vier urenregistratie-apps en een ingerichte proefomgeving voor twee monteurs.",
  },
  {
    title: "Social-mediastrategie",
    question: "We posten af en toe iets, maar zonder plan. Welke kanalen passen bij onze klanten en wat moeten we posten?",
    topics: ["social media", "marketing"],
    wantedLevels: ["MBO", "HBO"],
    effort: "SPRINT",
    outcome: "Social-mediastrategie met doelgroepen, kanalen en een contentkalender voor drie maanden.",
  },
  {
    title: "Contentkalender en korte video's",
    question: "We willen laten zien wat we maken, maar hebben geen tijd om content te bedenken en te filmen.",
    topics: ["social media"],
    wantedLevels: ["MBO"],
    effort: "SMALL",
    outcome: "Twaalf korte video's en een contentkalender die de eigenaar zelf kan bijhouden.",
  },
  {
    title: "Online marketingcampagne",
    question: "We openen een tweede vestiging en willen online nieuwe klanten in de buurt bereiken.",
    topics: ["marketing", "data"],
    wantedLevels: ["HBO"],
    effort: "SPRINT",
    outcome: "Lokale campagne opgezet en gemeten: bereik, kliks en kosten per nieuwe klant in een overzicht.",
  },
  {
    title: "Cybersecurity-check van het kantoornetwerk",
    question: "Een collega-ondernemer werd gehackt. Hoe veilig zijn onze laptops, wifi en e-mail eigenlijk?",
    topics: ["cybersecurity"],
    wantedLevels: ["MBO", "HBO"],
    effort: "SMALL",
    outcome: "Beveiligingsscan met risicolijst; tweestapsverificatie en een gastennetwerk ingericht.",
  },
  {
    title: "Back-up en wachtwoordbeleid",
    question: "Alles staat op één computer en iedereen gebruikt hetzelfde wachtwoord. Wat is een verstandige eerste stap?",
    topics: ["cybersecurity", "privacy"],
    wantedLevels: ["MBO", "HBO"],
    effort: "SMALL",
    outcome: "Automatische back-up in de cloud en een wachtwoordmanager ingericht; korte instructie voor het team.",
  },
  {
    title: "AVG-proof klantadministratie",
    question: "We bewaren klantgegevens in spreadsheets en mailboxen. Voldoen we aan de AVG en hoe richten we het beter in?",
    topics: ["privacy", "data"],
    wantedLevels: ["HBO", "WO"],
    effort: "SPRINT",
    outcome: "AVG-quickscan, verwerkingsregister en een voorstel voor een eenvoudige klantadministratie.",
  },
  {
    title: "Afspraken-app voor klanten",
    question: "Klanten bellen om een afspraak te maken en we missen veel telefoontjes. Kan dat via een app of de website?",
    topics: ["app development", "UX"],
    wantedLevels: ["MBO", "HBO"],
    effort: "SEMESTER",
    outcome: "Klikbaar prototype getest met acht klanten en een werkende eerste versie van de afspraken-app.",
  },
  {
    title: "Gebruiksvriendelijkere website",
    question: "Bezoekers haken af op onze website voordat ze contact opnemen. Wat gaat er mis?",
    topics: ["UX", "web shop"],
    wantedLevels: ["HBO"],
    effort: "SPRINT",
    outcome: "Gebruikersonderzoek met tien bezoekers, een nieuw ontwerp van de belangrijkste pagina's en een prioriteitenlijst.",
  },
  {
    title: "Chatbot voor veelgestelde vragen",
    question: "We krijgen steeds dezelfde vragen via mail en WhatsApp. Kan een chatbot een deel afvangen?",
    topics: ["AI", "automation"],
    wantedLevels: ["HBO", "WO"],
    effort: "SPRINT",
    outcome:
      "Chatbot voor de twintig meest gestelde vragen, getest op de website; doorverwijzing naar een medewerker waar nodig.",
  },
  {
    title: "Routeplanning automatiseren",
    question: "De planning van onze ritten gebeurt elke ochtend met de hand. Kan dat slimmer?",
    topics: ["automation", "data"],
    wantedLevels: ["HBO", "WO"],
    effort: "SEMESTER",
    outcome: "Planningstool die ritten automatisch indeelt; in de proef gemiddeld 14% minder kilometers.",
  },
  {
    title: "Klanttevredenheid meten",
    question: "We weten niet goed wat klanten van ons vinden. We willen dat meten en het resultaat overzichtelijk zien.",
    topics: ["data", "dashboards"],
    wantedLevels: ["HBO"],
    effort: "SPRINT",
    outcome: "Korte enquête na elk bezoek en een dashboard met de scores per maand en de meest genoemde verbeterpunten.",
  },
  {
    title: "Digitale klantenkaart",
    question: "Onze stempelkaart op papier raakt zoek. We willen een digitale spaarkaart die klanten terug laat komen.",
    topics: ["app development", "marketing"],
    wantedLevels: ["HBO", "MBO"],
    effort: "SEMESTER",
    outcome: "Digitale spaarkaart als web-app, gekoppeld aan de kassa; na zes weken 240 deelnemende klanten.",
  },
  {
    title: "Processen in kaart brengen en digitaliseren",
    question: "We groeien en alles loopt via mail en Excel. Welke processen moeten we eerst digitaliseren en met welk systeem?",
    topics: ["automation", "bookkeeping"],
    wantedLevels: ["HBO", "WO"],
    effort: "SEMESTER",
    outcome: "Procesanalyse, pakketselectie (drie ERP-opties vergeleken) en een implementatieplan in fasen.",
  },
  {
    title: "Privacy- en cookiebeleid voor de website",
    question: "Onze website heeft geen cookiemelding en geen privacyverklaring. Wat moet er minimaal op?",
    topics: ["privacy", "web shop"],
    wantedLevels: ["HBO", "MBO"],
    effort: "SMALL",
    outcome: "Privacyverklaring, cookiebanner en aangepaste formulieren op de website gezet.",
  },
  {
    title: "Online reserveringssysteem",
    question: "Reserveringen komen binnen via telefoon, mail en sociale media. We willen één systeem op de website.",
    topics: ["web shop", "automation", "UX"],
    wantedLevels: ["MBO", "HBO"],
    effort: "SPRINT",
    outcome: "Reserveringsmodule op de website, gekoppeld aan de agenda; dubbele boekingen komen niet meer voor.",
  },
  {
    title: "Productfoto's en video's voor de webshop",
    question: "Onze producten zien er online saai uit. We willen betere foto's en korte video's voor de webshop en Instagram.",
    topics: ["social media", "e-commerce"],
    wantedLevels: ["MBO"],
    effort: "SMALL",
    outcome: "Fotoset van 60 producten en vijf productvideo's, met een eenvoudige fotostudio-opstelling voor later.",
  },
];

export const SME_FEEDBACK: Record<"high" | "mid" | "low", readonly string[]> = {
  high: [
    "Heel blij met het resultaat: we gebruiken het elke dag.",
    "De studenten dachten echt mee en kwamen met ideeën waar we zelf niet op waren gekomen.",
    "Professioneel team, goede communicatie en een bruikbaar eindresultaat.",
    "Precies wat we nodig hadden; we willen graag een vervolg.",
  ],
  mid: [
    "Goed advies, maar de uitvoering moeten we nog grotendeels zelf doen.",
    "Bruikbaar resultaat, al kostte het ons meer tijd dan verwacht.",
  ],
  low: ["Het team had te weinig tijd; het resultaat is niet af.", "De opdracht is anders uitgewerkt dan we hadden gevraagd."],
};

export const TEACHER_FEEDBACK: readonly string[] = [
  "Mooie, concrete opdracht; de studenten waren gemotiveerd door de echte klant.",
  "Ondernemer was goed bereikbaar, dat maakte veel verschil.",
  "Opdracht was aan de grote kant voor één periode; volgende keer scherper afbakenen.",
  "Goede match met de leerdoelen van de module.",
  "Studenten hebben veel geleerd van de feedback van de ondernemer.",
];

export const CLOSE_REASONS = {
  INTAKE: [
    "Ondernemer heeft de vraag ingetrokken",
    "Geen digitaliseringsvraag: doorverwezen naar de KvK",
    "Ondernemer reageert niet meer op berichten",
  ],
  QUALIFIED: [
    "Vraag te klein voor een sprint; tips meegegeven",
    "Ondernemer heeft zelf een bureau ingeschakeld",
    "Deadline valt vóór de volgende onderwijsperiode",
  ],
  PROPOSED: ["Geen docent gevonden binnen de deadline", "Alle voorstellen afgewezen of verlopen"],
} as const;

export const DECLINE_REASONS: readonly string[] = [
  "Geen ruimte meer in deze periode",
  "Past niet bij de leerdoelen van de module",
  "Te weinig studenten ingeschreven",
  "Opdracht is te groot voor één periode",
];
