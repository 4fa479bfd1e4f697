/** Options of the select attributes, with labels in en_US, fr_FR and de_DE. */
import type { AttributeOption } from "./types.js";

type OptionRow = [code: string, en: string, fr: string, de: string];

const SAME = (codes: string[]): OptionRow[] => codes.map((c) => [c, c.toUpperCase(), c.toUpperCase(), c.toUpperCase()]);

const OPTIONS: Readonly<Record<string, OptionRow[]>> = {
  color: [
    ["black", "Black", "Noir", "Schwarz"], ["white", "White", "Blanc", "Weiß"], ["red", "Red", "Rouge", "Rot"],
    ["blue", "Blue", "Bleu", "Blau"], ["green", "Green", "Vert", "Grün"], ["yellow", "Yellow", "Jaune", "Gelb"],
    ["grey", "Grey", "Gris", "Grau"], ["navy", "Navy", "Marine", "Marineblau"], ["pink", "Pink", "Rose", "Rosa"],
    ["brown", "Brown", "Marron", "Braun"], ["orange", "Orange", "Orange", "Orange"], ["purple", "Purple", "Violet", "Lila"],
  ],
  size: SAME(["xs", "s", "m", "l", "xl", "xxl"]),
  brand: [
    ["acme", "Acme", "Acme", "Acme"], ["northpeak", "Northpeak", "Northpeak", "Northpeak"], ["lumen", "Lumen", "Lumen", "Lumen"],
    ["vela", "Vela", "Vela", "Vela"], ["oakline", "Oakline", "Oakline", "Oakline"], ["trailhead", "Trailhead", "Trailhead", "Trailhead"],
    ["kinetic", "Kinetic", "Kinetic", "Kinetic"], ["solace", "Solace", "Solace", "Solace"], ["brightwave", "Brightwave", "Brightwave", "Brightwave"],
    ["ferro", "Ferro", "Ferro", "Ferro"],
  ],
  country_of_origin: [
    ["fr", "France", "France", "Frankreich"], ["de", "Germany", "Allemagne", "Deutschland"], ["it", "Italy", "Italie", "Italien"],
    ["pt", "Portugal", "Portugal", "Portugal"], ["cn", "China", "Chine", "China"], ["vn", "Vietnam", "Viêt Nam", "Vietnam"],
    ["us", "United States", "États-Unis", "Vereinigte Staaten"], ["in", "India", "Inde", "Indien"],
  ],
  season: [["spring", "Spring", "Printemps", "Frühling"], ["summer", "Summer", "Été", "Sommer"], ["autumn", "Autumn", "Automne", "Herbst"], ["winter", "Winter", "Hiver", "Winter"]],
  gender: [["men", "Men", "Homme", "Herren"], ["women", "Women", "Femme", "Damen"], ["unisex", "Unisex", "Mixte", "Unisex"]],
  shoe_size: ["36", "37", "38", "39", "40", "41", "42", "43", "44", "45", "46"].map((s): OptionRow => [`eu_${s}`, `EU ${s}`, `${s}`, `EU ${s}`]),
  materials: [
    ["cotton", "Cotton", "Coton", "Baumwolle"], ["polyester", "Polyester", "Polyester", "Polyester"], ["wool", "Wool", "Laine", "Wolle"],
    ["leather", "Leather", "Cuir", "Leder"], ["nylon", "Nylon", "Nylon", "Nylon"], ["steel", "Steel", "Acier", "Stahl"],
    ["aluminium", "Aluminium", "Aluminium", "Aluminium"], ["wood", "Wood", "Bois", "Holz"], ["glass", "Glass", "Verre", "Glas"],
    ["rubber", "Rubber", "Caoutchouc", "Gummi"],
  ],
  certifications: [["ce", "CE", "CE", "CE"], ["fsc", "FSC", "FSC", "FSC"], ["oeko_tex", "OEKO-TEX", "OEKO-TEX", "OEKO-TEX"], ["energy_star", "Energy Star", "Energy Star", "Energy Star"], ["fair_trade", "Fair Trade", "Commerce équitable", "Fairtrade"]],
  compatible_devices: [["ios", "iOS", "iOS", "iOS"], ["android", "Android", "Android", "Android"], ["windows", "Windows", "Windows", "Windows"], ["macos", "macOS", "macOS", "macOS"], ["linux", "Linux", "Linux", "Linux"], ["smart_tv", "Smart TV", "Smart TV", "Smart-TV"]],
  occasions: [["everyday", "Everyday", "Quotidien", "Alltag"], ["sport", "Sport", "Sport", "Sport"], ["travel", "Travel", "Voyage", "Reise"], ["party", "Party", "Soirée", "Party"], ["work", "Work", "Travail", "Arbeit"]],
};

/** Every option, grouped by attribute code, in sort order. */
export function buildOptions(): Map<string, AttributeOption[]> {
  const out = new Map<string, AttributeOption[]>();
  for (const [attribute, rows] of Object.entries(OPTIONS)) {
    out.set(attribute, rows.map(([code, en, fr, de], index) => ({ code, attribute, sort_order: index + 1, labels: { en_US: en, fr_FR: fr, de_DE: de } })));
  }
  return out;
}
