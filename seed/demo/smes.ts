/**
 * The demo's 60 SMEs: made-up businesses of the kinds that bring digitalisation questions to the
 * workspace, in the Amsterdam region. A city is given where the name suggests one; the rest are
 * spread over the region when the data is built.
 */
export interface SmeSeed {
  name: string;
  sector: string;
  city?: string;
}

const s = (name: string, sector: string, city?: string): SmeSeed => (city ? { name, sector, city } : { name, sector });

export const SMES: readonly SmeSeed[] = [
  s("Bakkerij Van Gelder", "Detailhandel"),
  s("Kaashuis De Zaanse Hoeve", "Detailhandel", "Zaandam"),
  s("Rijwielhuis Oost", "Detailhandel", "Amsterdam"),
  s("Bloemenatelier Madelief", "Detailhandel"),
  s("Boekhandel De Leesberg", "Detailhandel"),
  s("Slagerij Koopmans", "Detailhandel"),
  s("Speelgoedwinkel Het Tolletje", "Detailhandel"),
  s("Optiek Scherp", "Detailhandel"),
  s("Delicatessen Van Rijn", "Detailhandel"),
  s("Wijnhandel Druif & Co", "Detailhandel"),
  s("Café De Kromme Haring", "Horeca", "Amsterdam"),
  s("Restaurant Bij Saar", "Horeca"),
  s("Koffiebranderij Bruyn", "Horeca"),
  s("Lunchroom Het Broodhuys", "Horeca"),
  s("Brouwerij De Zeven Bruggen", "Horeca", "Amsterdam"),
  s("Cateringbedrijf Smaakvol", "Horeca"),
  s("Installatiebedrijf Veenstra", "Bouw en installatie"),
  s("Schildersbedrijf Kramer & Zn.", "Bouw en installatie"),
  s("Dakdekkersbedrijf Hoogland", "Bouw en installatie"),
  s("Loodgietersbedrijf Aquafix", "Bouw en installatie"),
  s("Timmerfabriek Houtwerk Zaandam", "Bouw en installatie", "Zaandam"),
  s("Elektrotechniek Volt & Visser", "Bouw en installatie"),
  s("Administratiekantoor Goudsmit", "Zakelijke dienstverlening"),
  s("Vertaalbureau Lingua Amstel", "Zakelijke dienstverlening", "Amstelveen"),
  s("Schoonmaakbedrijf Glansrijk", "Zakelijke dienstverlening"),
  s("Adviesbureau Koers", "Zakelijke dienstverlening"),
  s("Uitzendbureau Werkwijs", "Zakelijke dienstverlening"),
  s("Makelaardij Grachtengordel", "Zakelijke dienstverlening", "Amsterdam"),
  s("Koeriersdienst Fietsbode Amsterdam", "Transport en logistiek", "Amsterdam"),
  s("Transportbedrijf Van der Meer", "Transport en logistiek"),
  s("Zeker Verhuizen", "Transport en logistiek"),
  s("Opslag Westpoort", "Transport en logistiek", "Amsterdam"),
  s("Fysiotherapie De Pijp", "Zorg en welzijn", "Amsterdam"),
  s("Tandartspraktijk Glimlach", "Zorg en welzijn"),
  s("Kinderopvang De Boomhut", "Zorg en welzijn"),
  s("Thuiszorg Dichtbij", "Zorg en welzijn"),
  s("Yogastudio Adem", "Zorg en welzijn"),
  s("Fotostudio Licht & Lens", "Creatieve industrie"),
  s("Drukkerij De Letterzetter", "Creatieve industrie"),
  s("Grafisch bureau Vlak", "Creatieve industrie"),
  s("Muziekschool Noot", "Creatieve industrie"),
  s("Keramiekatelier Klei", "Creatieve industrie"),
  s("Groothandel Oosterse Specerijen", "Groothandel"),
  s("Bouwmaterialen Van Wijk", "Groothandel"),
  s("Kantoorartikelen Papier & Pen", "Groothandel"),
  s("Groente- en fruithandel Versland", "Groothandel"),
  s("Draaierij Amstel", "Maakindustrie", "Ouder-Amstel"),
  s("Meubelmakerij Eikenhout", "Maakindustrie"),
  s("Zeepmakerij Schuim", "Maakindustrie"),
  s("Fietsfabriek Stadsfiets", "Maakindustrie"),
  s("3D-printbedrijf Laagje", "Maakindustrie"),
  s("Kapsalon Knip", "Persoonlijke dienstverlening"),
  s("Schoonheidssalon Puur", "Persoonlijke dienstverlening"),
  s("Rijschool Groen Licht", "Persoonlijke dienstverlening"),
  s("Kledingreparatie Naald & Draad", "Persoonlijke dienstverlening"),
  s("Hondentrimsalon Vacht", "Persoonlijke dienstverlening"),
  s("Rondvaartbedrijf Grachtenzicht", "Recreatie en toerisme", "Amsterdam"),
  s("Bed & Breakfast Het Zaanse Huys", "Recreatie en toerisme", "Zaandijk"),
  s("Fietsverhuur Waterland", "Recreatie en toerisme", "Purmerend"),
  s("Escaperoom Het Raadsel", "Recreatie en toerisme"),
];

/** Where the other SMEs are, weighted towards Amsterdam itself. */
export const REGION_CITIES: ReadonlyArray<readonly [string, number]> = [
  ["Amsterdam", 10],
  ["Amstelveen", 2],
  ["Haarlem", 2],
  ["Hoofddorp", 2],
  ["Zaandam", 2],
  ["Almere", 2],
  ["Purmerend", 1],
  ["Diemen", 1],
  ["Weesp", 1],
  ["Uithoorn", 1],
];
