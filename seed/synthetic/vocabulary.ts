/** Words the synthetic graph is made of: Dutch names, places, programmes, themes. */

export const firstNames = [
  "Anna", "Bram", "Charlotte", "Daan", "Eva", "Fleur", "Gijs", "Hanna", "Iris", "Jesse", "Julia", "Kees",
  "Lars", "Lieke", "Maarten", "Mila", "Noah", "Nina", "Olivier", "Priya", "Quinten", "Roos", "Sanne", "Sem",
  "Thijs", "Tess", "Umar", "Vera", "Wouter", "Yara", "Zoë", "Ahmed", "Fatima", "Mohamed", "Samira", "Youssef",
  "Anouk", "Bas", "Demi", "Emma", "Femke", "Hugo", "Ilse", "Jan", "Joris", "Karin", "Lotte", "Marieke",
  "Niels", "Pieter", "Rik", "Sophie", "Tim", "Wendy", "Mei", "Ravi", "Ayşe", "Emre", "Kofi", "Linda",
] as const;

export const lastNames = [
  "de Jong", "Jansen", "de Vries", "van den Berg", "van Dijk", "Bakker", "Janssen", "Visser", "Smit", "Meijer",
  "de Boer", "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker", "Brouwer",
  "de Wit", "Dijkstra", "Smits", "de Graaf", "van der Meer", "van der Linden", "Kok", "Jacobs", "de Haan", "Vermeulen",
  "van den Heuvel", "van der Veen", "van den Broek", "de Bruijn", "de Bruin", "van der Heijden", "Schouten", "van Beek", "Willems", "van Vliet",
  "van de Ven", "Hoekstra", "Maas", "Verhoeven", "Koster", "van Dam", "Prins", "Blom", "Huisman", "Peeters",
  "Yılmaz", "El Amrani", "Bouzid", "Kaya", "Sedney", "Tjon", "Nguyen", "Chen", "Singh", "Wong",
] as const;

export const cities = [
  "Amsterdam", "Haarlem", "Zaandam", "Almere", "Amstelveen", "Hoofddorp", "Purmerend", "Hilversum", "Utrecht", "Leiden",
  "Den Haag", "Rotterdam", "Delft", "Alkmaar", "Lelystad", "Zwolle", "Groningen", "Eindhoven", "Tilburg", "Nijmegen",
  "Arnhem", "Enschede", "Breda", "Maastricht", "Den Bosch", "Apeldoorn", "Amersfoort", "Leeuwarden", "Deventer", "Hoorn",
] as const;

export const institutionPrefixes = {
  WO: ["Universiteit", "Vrije Universiteit", "Technische Universiteit", "Radboud Academie", "Erasmus Instituut"],
  HBO: ["Hogeschool", "Hogeschool van de Kunsten", "Christelijke Hogeschool", "Hogeschool Inholland", "Hogeschool voor Techniek"],
  MBO: ["ROC", "Mediacollege", "Techniek College", "Grafisch Lyceum", "Vakcollege", "Zadkine College"],
} as const;

export const programmeNames = {
  WO: ["Informatica", "Bedrijfskunde", "Data Science", "Communicatiewetenschap", "Economie", "Artificial Intelligence",
    "Information Sciences", "Business Analytics", "Media Studies", "Rechtsgeleerdheid", "Psychologie", "Bestuurskunde"],
  HBO: ["HBO-ICT", "Communicatie", "Commerciële Economie", "Bedrijfskunde", "Creative Business", "Accountancy",
    "Business IT & Management", "Smart Industry", "Ondernemerschap", "Media & Design", "Finance & Control", "Logistiek"],
  MBO: ["Software Developer", "Marketing & Communicatie", "ICT Support", "Mediavormgever", "Ondernemer Detailhandel",
    "Financieel Administratief Medewerker", "Netwerkbeheerder", "Commercieel Medewerker", "Content Creator", "Allround Mediamaker"],
} as const;

export const courseNames = [
  "Webdevelopment", "Data Dashboards", "Digital Marketing", "Cyber Security Basics", "App Design", "Procesautomatisering",
  "Innovatieproject", "Praktijkopdracht", "Ondernemend Leren", "UX Research", "Cloud Solutions", "Social Media Campagne",
  "Business Case", "Data Analytics", "E-commerce", "Design Thinking", "Minor Digitale Transformatie", "Stage",
  "Afstudeeropdracht", "Consultancy Project", "Klantreis", "Bedrijfsadministratie", "Machine Learning Lab", "Integratieproject",
] as const;

/** Case and course themes: one vocabulary, the demo data's, so matching has something to find. */
export const themes = [
  "web shop", "e-commerce", "bookkeeping", "automation", "data", "dashboards", "AI", "social media", "marketing",
  "cybersecurity", "privacy", "app development", "UX",
] as const;

export const caseTitles: Record<(typeof themes)[number], string> = {
  "web shop": "Webshop opzetten",
  "e-commerce": "Online verkopen via platforms",
  bookkeeping: "Boekhouding automatiseren",
  automation: "Processen automatiseren",
  data: "Klantdata beter benutten",
  dashboards: "Dashboard voor de directie",
  AI: "AI inzetten in de bedrijfsvoering",
  "social media": "Social media strategie",
  marketing: "Online marketing plan",
  cybersecurity: "Cybersecurity check",
  privacy: "AVG op orde brengen",
  "app development": "App voor klanten",
  UX: "Gebruiksvriendelijker bestelproces",
};

export const sectors = [
  "Retail", "Horeca", "Bouw", "Zakelijke dienstverlening", "Zorg", "Logistiek", "Maakindustrie", "Creatieve sector",
  "Groothandel", "Agrarisch", "Toerisme", "Installatietechniek",
] as const;

export const smeWords = [
  "Bakkerij", "Fietsenmaker", "Installatiebedrijf", "Bloemist", "Adviesbureau", "Transport", "Drukkerij", "Kapsalon",
  "Koffiebranderij", "Architectenbureau", "Schoonmaakbedrijf", "Webwinkel", "Tandartspraktijk", "Brouwerij", "Timmerfabriek",
] as const;

export const partnerNames = {
  BANK: ["Regiobank Noord-Holland", "Bank Amsterdam Zakelijk", "Coöperatieve Bank Zaanstreek", "Bank Gooi en Vecht"],
  CHAMBER_OF_COMMERCE: ["Kamer van Koophandel Amsterdam", "KvK Ondernemersplein"],
  EVENT: ["Digitaal Ondernemen Festival", "MKB Innovatiedag", "Techniek Beurs"],
  NETWORK: ["Ondernemersvereniging Zuidas", "Netwerk Vrouwelijke Ondernemers", "Starters Collectief", "Eigen netwerk coördinatoren"],
  OTHER: ["Gemeente Economische Zaken", "Brancheorganisatie Retail"],
} as const;
