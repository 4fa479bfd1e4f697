/** The measurement families the sandbox's metric attributes use: unit → factor to the standard unit. */
export const MEASUREMENTS: Readonly<Record<string, { standard: string; units: Readonly<Record<string, number>> }>> = {
  Weight: { standard: "KILOGRAM", units: { MILLIGRAM: 0.000001, GRAM: 0.001, KILOGRAM: 1, TON: 1000, OUNCE: 0.028349523, POUND: 0.45359237 } },
  Length: { standard: "METER", units: { MILLIMETER: 0.001, CENTIMETER: 0.01, METER: 1, INCH: 0.0254, FOOT: 0.3048 } },
  Volume: { standard: "CUBIC_METER", units: { MILLILITER: 0.000001, CENTILITER: 0.00001, LITER: 0.001, CUBIC_METER: 1 } },
  Power: { standard: "WATT", units: { WATT: 1, KILOWATT: 1000, MEGAWATT: 1000000 } },
};

/** Convert an amount to its family's standard unit; undefined when the unit is not in the family. */
export function toStandardUnit(family: string, amount: number, unit: string): number | undefined {
  const factor = MEASUREMENTS[family]?.units[unit];
  return factor === undefined ? undefined : amount * factor;
}
