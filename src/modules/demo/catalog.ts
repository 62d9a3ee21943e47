import { gtinCheckDigit, parseLegalEntityId } from '../../domain/identifiers.ts';
import { type Good, INDUSTRIES, type Industry, type ProductUnit } from './industries.ts';
import { NAME_WORDS, PLACES, type Place, STREETS } from './places.ts';

export interface DemoUnit {
  ref: string;
  nationalId: string;
  nameFa: string;
  nameEn: string;
  province: string;
  city: string;
  isic: string;
  licenceNo: string;
  address?: string;
  phone?: string;
  website?: string;
}

export type TargetState =
  | 'draft'
  | 'submitted'
  | 'changes_requested'
  | 'rejected'
  | 'approved'
  | 'suspended'
  | 'revoked'
  | 'expired'
  | 'approved_with_revision';

export interface DemoProduct {
  ref: string;
  unitRef: string;
  nameFa: string;
  nameEn: string;
  descriptionFa: string;
  descriptionEn: string;
  tariffCode: string;
  brand: string;
  model: string;
  gtin?: string;
  unit: ProductUnit;
  annualCapacity: number;
  exWorksPrice: number;
  importedInputsCost: number;
  exportMarkets: string[];
  attributes: Record<string, string>;
  targetState: TargetState;
}

export interface CatalogOptions {
  units: number;
  products: number;
  seed?: number;
}

/** mulberry32: small, fast and good enough for demo data. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
type Rng = ReturnType<typeof prng>;

const pick = <T>(items: readonly T[], rng: Rng): T => items[Math.floor(rng() * items.length)] as T;

function weighted<T>(items: readonly T[], weight: (t: T) => number) {
  const cumulative: number[] = [];
  let total = 0;
  for (const item of items) {
    total += weight(item);
    cumulative.push(total);
  }
  return (rng: Rng): T => {
    const r = rng() * total;
    let i = 0;
    while ((cumulative[i] as number) <= r) i++;
    return items[i] as T;
  };
}

/** Three significant digits, as price lists are written. */
function round3(n: number): number {
  let step = 1;
  while (n >= step * 1000) step *= 10;
  return Math.round(n / step) * step;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

const PERSIAN_DIGITS = '۰۱۲۳۴۵۶۷۸۹';
const faDigits = (s: string) => s.replace(/\d/g, (d) => PERSIAN_DIGITS[Number(d)] as string);

const placeByKey = new Map(PLACES.map((p) => [p.key, p]));
const byPopulation = weighted(PLACES, (p) => p.weight);

/** A place key, or `key/City` pinning the city where the trade is concentrated. */
function resolveWhere(entry: string): { place: Place; city?: readonly [string, string] } {
  const [key = '', cityEn] = entry.split('/');
  const place = placeByKey.get(key);
  if (!place) throw new Error(`unknown place key in the industry table: ${key}`);
  const city = cityEn ? place.cities.find(([, en]) => en === cityEn) : undefined;
  if (cityEn && !city) throw new Error(`unknown city in the industry table: ${entry}`);
  return { place, city };
}

/**
 * The name a Persian-speaking producer gives each kind of specification in the products' free
 * attributes (the registry keeps one name, the producer's own).
 */
const SPEC_NAMES: Record<string, string> = {
  airflow: 'دبی هوا',
  alloy: 'آلیاژ',
  bottle: 'بطری',
  capacity: 'ظرفیت',
  class: 'رده',
  count: 'نمره نخ',
  cut: 'برش',
  density: 'چگالی',
  diameter: 'قطر',
  drug: 'مادهٔ مؤثر',
  engine: 'موتور',
  'fat and pack': 'چربی و بسته‌بندی',
  finish: 'پرداخت',
  fit: 'مدل دوخت',
  flavour: 'طعم',
  flora: 'گیاه',
  form: 'شکل عرضه',
  'grade and size': 'رده و اندازه',
  grade: 'درجه',
  item: 'قلم',
  layers: 'لایه‌ها',
  load: 'ظرفیت بار',
  meat: 'گوشت',
  model: 'مدل',
  pack: 'بسته‌بندی',
  pieces: 'تعداد قطعه',
  power: 'توان',
  purity: 'خلوص',
  rating: 'توان نامی',
  seats: 'تعداد نفر',
  section: 'مقطع',
  shape: 'شکل',
  'size and finish': 'اندازه و پرداخت',
  size: 'اندازه',
  stone: 'نوع سنگ',
  style: 'سبک',
  thickness: 'ضخامت',
  trim: 'تیپ',
  type: 'نوع',
  use: 'کاربرد',
  'variety and size': 'رقم و اندازه',
  variety: 'رقم',
  vehicle: 'خودرو',
  volume: 'حجم',
  weave: 'بافت',
  weight: 'وزن',
};

function specName(spec: string): string {
  const name = SPEC_NAMES[spec];
  if (!name) throw new Error(`the demo's specification "${spec}" has no Persian name`);
  return name;
}

interface PreparedVariant {
  nameFa: string;
  nameEn: string;
  descriptionFa: string;
  descriptionEn: string;
  tariffCode: string;
  price: number;
  spec: string;
  specValue: string;
  standard: string | undefined;
  good: Good;
  modelCode: string;
}

interface PreparedIndustry {
  industry: Industry;
  locations: { place: Place; city?: readonly [string, string] }[];
  variants: PreparedVariant[];
}

/** Names and descriptions are built once per variant, so generating a million products only copies strings. */
const PREPARED: readonly PreparedIndustry[] = INDUSTRIES.map((industry) => ({
  industry,
  locations: industry.where.map(resolveWhere),
  variants: industry.goods.flatMap((good) =>
    good.variants.map(
      ([fa, en, factor = 1, hs], v): PreparedVariant => ({
        nameFa: `${good.fa} ${fa}`,
        nameEn: `${good.en}, ${en}`,
        descriptionFa: good.std
          ? `${good.dFa} مطابق استاندارد ملی ایران به شمارهٔ ${faDigits(good.std)}.`
          : good.dFa,
        descriptionEn: good.std
          ? `${good.dEn} Conforms to Iranian national standard INSO ${good.std}.`
          : good.dEn,
        tariffCode: hs ?? good.hs,
        price: good.price * factor,
        spec: specName(good.spec),
        specValue: fa,
        standard: good.std && `INSO ${good.std}`,
        good,
        modelCode: `${good.mp}-${v + 1}`,
      }),
    ),
  ),
}));

const ANYWHERE = PREPARED.filter((p) => p.locations.length === 0);
const pickIndustry = weighted(PREPARED, (p) => p.industry.weight);

// About four in five products end approved; every other state is there for reviewers to see.
const STATES: readonly (readonly [TargetState, number])[] = [
  ['approved', 80],
  ['draft', 3],
  ['submitted', 3],
  ['changes_requested', 3],
  ['rejected', 2],
  ['suspended', 2],
  ['revoked', 2],
  ['expired', 3],
  ['approved_with_revision', 2],
];
const pickState = weighted(STATES, ([, w]) => w);

/** Leading digits of legal-entity IDs; none ends in 0, so digits 4–9 are never all zero. */
const ID_PREFIXES = ['1038', '1032', '1086', '1021', '1045', '1063', '1097', '1401', '1402', '1403'];

function legalEntityId(serial: number): string {
  const body = `${ID_PREFIXES[serial % ID_PREFIXES.length]}${pad(serial, 6)}`;
  for (let check = 0; check < 10; check++) {
    const id = parseLegalEntityId(`${body}${check}`);
    if (id) return id;
  }
  throw new Error(`no check digit for ${body}`);
}

interface UnitPlan {
  unit: DemoUnit;
  prepared: PreparedIndustry;
  index: number;
  brand: string;
}

function planUnits(count: number, seed: number): UnitPlan[] {
  const rng = prng(seed);
  const usedNames = new Set<string>();
  const plans: UnitPlan[] = [];
  for (let i = 0; i < count; i++) {
    let prepared: PreparedIndustry;
    let place: Place;
    let city: readonly [string, string] | undefined;
    if (i < PREPARED.length) {
      // Every industry once first, so even a small catalog covers all goods and chapters.
      prepared = PREPARED[i] as PreparedIndustry;
    } else if (i < PREPARED.length + PLACES.length) {
      // Then every province once, with an industry found everywhere.
      prepared = pick(ANYWHERE, rng);
    } else {
      prepared = pickIndustry(rng);
    }
    if (i >= PREPARED.length && i < PREPARED.length + PLACES.length) {
      place = PLACES[i - PREPARED.length] as Place;
    } else if (prepared.locations.length > 0) {
      ({ place, city } = pick(prepared.locations, rng));
    } else {
      place = byPopulation(rng);
    }
    city ??= pick(place.cities, rng);
    const { industry } = prepared;
    const [wordFa, wordEn] = pick(NAME_WORDS, rng);
    let nameFa = `شرکت ${industry.fa} ${wordFa}`;
    let nameEn = `${wordEn} ${industry.en} Co.`;
    if (usedNames.has(nameFa)) {
      nameFa = `شرکت ${industry.fa} ${wordFa} ${city[0]}`;
      nameEn = `${wordEn} ${industry.en} Co. of ${city[1]}`;
    }
    usedNames.add(nameFa);
    const ref = `U-${pad(i + 1, 6)}`;
    const phone = `${place.area}-${Math.floor(rng() * 9e7) + 1e7}`;
    const unit: DemoUnit = {
      ref,
      nationalId: legalEntityId(i + 1),
      nameFa,
      nameEn,
      province: place.code,
      city: city[0],
      isic: industry.isic,
      licenceNo: `${pad(Math.floor(rng() * 900) + 100, 3)}/${pad(i + 1, 6)}`,
    };
    // Some records are left incomplete, as real ones are.
    if (rng() < 0.9)
      unit.address = `${city[0]}، شهرک صنعتی ${city[0]}، ${pick(STREETS, rng)}، پلاک ${faDigits(String(Math.floor(rng() * 200) + 1))}`;
    if (rng() < 0.85) unit.phone = phone;
    if (rng() < 0.6)
      unit.website = `https://www.${wordEn.toLowerCase().replace(/[^a-z]/g, '')}${industry.en.toLowerCase().replace(/[^a-z]/g, '')}${i + 1}.ir`;
    plans.push({ unit, prepared, index: i, brand: wordFa });
  }
  return plans;
}

function makeProduct(j: number, k: number, plan: UnitPlan, rng: Rng): DemoProduct {
  const { industry, variants } = plan.prepared;
  // A unit walks its industry's variants from its own starting point, so neighbours differ.
  const v = variants[(plan.index * 7 + k) % variants.length] as PreparedVariant;
  const price = round3(v.price * (0.85 + rng() * 0.3));
  const imported = Math.min(price, round3(price * v.good.imported * (0.7 + rng() * 0.6)));
  const marketCount = Math.floor(rng() * Math.min(6, industry.markets.length + 1));
  const first = Math.floor(rng() * industry.markets.length);
  const exportMarkets: string[] = [];
  for (let m = 0; m < marketCount; m++)
    exportMarkets.push(industry.markets[(first + m) % industry.markets.length] as string);
  const product: DemoProduct = {
    ref: `P-${pad(j + 1, 7)}`,
    unitRef: plan.unit.ref,
    nameFa: v.nameFa,
    nameEn: v.nameEn,
    descriptionFa: v.descriptionFa,
    descriptionEn: v.descriptionEn,
    tariffCode: v.tariffCode,
    brand: plan.brand,
    model: `${v.modelCode}${String.fromCharCode(65 + (plan.index % 26))}`,
    unit: v.good.unit,
    annualCapacity: round3(v.good.capacity * (0.2 + rng() * 1.8)),
    exWorksPrice: price,
    importedInputsCost: imported,
    exportMarkets,
    attributes: v.standard ? { [v.spec]: v.specValue, استاندارد: v.standard } : { [v.spec]: v.specValue },
    targetState: pickState(rng)[0],
  };
  // GS1 Iran prefix 626, then the unit as company number and the item; 10,000 items per company.
  if (industry.retail && k < 10_000 && plan.index < 100_000) {
    const body = `626${pad(plan.index, 5)}${pad(k, 4)}`;
    product.gtin = `${body}${gtinCheckDigit(body)}`;
  }
  return product;
}

function* productsOf(plans: UnitPlan[], total: number, seed: number): Generator<DemoProduct> {
  if (plans.length === 0) return;
  const rng = prng(seed ^ 0x9e3779b9);
  const perUnit = new Uint32Array(plans.length);
  for (let j = 0; j < total; j++) {
    // Products are spread evenly over the units, in unit order.
    const u = Math.floor((j * plans.length) / total);
    const plan = plans[u] as UnitPlan;
    const k = perUnit[u] ?? 0;
    perUnit[u] = k + 1;
    yield makeProduct(j, k, plan, rng);
  }
}

const DEFAULT_SEED = 1405;

/** Streams the products of the catalog that `demoCatalog` with the same options returns. */
export function* demoProducts(opts: CatalogOptions): Generator<DemoProduct> {
  const seed = opts.seed ?? DEFAULT_SEED;
  yield* productsOf(planUnits(opts.units, seed), opts.products, seed);
}

/** A deterministic catalog of production units and their products; the same options give the same catalog. */
export function demoCatalog(opts: CatalogOptions): { units: DemoUnit[]; products: DemoProduct[] } {
  const seed = opts.seed ?? DEFAULT_SEED;
  const plans = planUnits(opts.units, seed);
  return { units: plans.map((p) => p.unit), products: [...productsOf(plans, opts.products, seed)] };
}
