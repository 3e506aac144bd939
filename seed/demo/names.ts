/**
 * Name lists for the fictional people of the demo. Combinations are made up; any likeness to a
 * real person is chance. Tussenvoegsels are lower case, as in a full Dutch name ("Pieter van Leeuwen").
 */
export const FIRST_NAMES = [
  "Anouk", "Bas", "Bram", "Carlijn", "Daan", "Dewi", "Eline", "Emma", "Esmee", "Eva", "Femke", "Fenna",
  "Floor", "Gijs", "Hanneke", "Hugo", "Iris", "Jasper", "Jesse", "Joris", "Julia", "Karim", "Koen",
  "Lars", "Laura", "Lieke", "Lisa", "Lucas", "Luuk", "Maaike", "Marloes", "Mees", "Mehmet", "Merel",
  "Milan", "Mirjam", "Nienke", "Niels", "Noor", "Olaf", "Petra", "Rik", "Roos", "Ruben", "Sara",
  "Sem", "Sevda", "Simone", "Stefan", "Tessa", "Thijs", "Tim", "Vera", "Wendy", "Willem", "Yara",
  "Yasmina", "Aylin", "Bart", "Dirk", "Ellen", "Frank", "Gert", "Henk", "Ilona", "Jan", "Judith",
  "Kees", "Leonie", "Marco", "Monique", "Nathalie", "Paul", "René", "Sandra", "Ton",
] as const;

export const LAST_NAMES = [
  "de Jong", "de Vries", "van den Berg", "van Dijk", "Janssen", "Smit", "Meijer", "de Boer", "Mulder",
  "de Groot", "Vos", "Peters", "Dekker", "de Wit", "Smits", "de Graaf", "van der Meer", "van der Linden",
  "Kok", "Jacobs", "de Haan", "van den Heuvel", "van der Veen", "van den Broek", "de Bruijn",
  "van der Heijden", "van Beek", "van Vliet", "van de Ven", "Maas", "van der Wal", "Blom", "Peeters",
  "de Lange", "van Wijk", "Kramer", "van den Bosch", "Scholten", "Timmermans", "Veenstra", "Evers",
  "Sanders", "Jonker", "Wouters", "Molenaar", "Boersma", "van Dongen", "Groen", "Verbeek", "Kuiper",
  "Gerritsen", "Claassen", "Bosman", "Hofman", "Roelofs", "Bouwman", "van Rijn", "Koopman", "Yilmaz",
  "Kaya", "El Idrissi", "Tahiri", "Boukhari", "Öztürk", "Lammers", "Brink", "Verschuren", "Zwart",
  "Kroon", "Buijs", "Hoogendoorn", "Schipper", "Steenbergen", "Vink", "Wijnands",
] as const;

/** Lower case, accents dropped, anything else a hyphen: "Öztürk" → "ozturk", "van Dam" → "van-dam". */
export function slugify(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/&/g, "en")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}
