/**
 * generateWorld: plans the world (subjects, the guarantee book, planted patterns, defaults) and
 * streams every source and ground-truth file to disk, then writes manifest.json (row count and
 * sha256 per file). Same size + seed + asOf → byte-identical files. A complete world (manifest
 * present with the same parameters) is not regenerated.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeBank, writeBanks } from './bank-source.ts';
import { writeBankPartners, writeBusiness } from './business-source.ts';
import { writeCommerce } from './commerce-source.ts';
import { CompanyBookFlows } from './company-books-flows.ts';
import { deriveCompanyBooks, writeCompanyBooks } from './company-books.ts';
import { contractHistory } from './contract-history.ts';
import type { ContractHistory } from './contract-history.ts';
import { customerCreditLine } from './credit-lines.ts';
import { decideBaseDefaults, riskScore, spreadContagion } from './default-outcomes.ts';
import { ContractNumbering, contractsOf, planCustomer } from './guarantee-book.ts';
import { linkRecord } from './guarantee-links.ts';
import type { Contract, Customer } from './guarantee-book.ts';
import { perturbationsOf } from './perturbations.ts';
import { registrationStateOf } from './registration-status.ts';
import { plantPatterns } from './planted-patterns.ts';
import { STREAM, generateSubject, industryCycleSeverities, streamFor } from './subjects.ts';
import type { Subject } from './subjects.ts';
import { PersonRegistry } from './synthetic-persons.ts';
import { writeTax } from './tax-source.ts';
import { addMonths, epochDayToIsoDate, isoDateToEpochDay } from './world-calendar.ts';
import type { WorldContext } from './world-context.ts';
import { WorldFiles } from './world-files.ts';
import { WORLD_SCALES } from './world-size.ts';
import type { WorldSize } from './world-size.ts';

export const GENERATOR_VERSION = '1.4.0';
export const DEFAULT_WORLD_SEED = 640000;
export const DEFAULT_WORLD_AS_OF = '2025-06-30';

export interface GenerateWorldOptions {
  readonly size: WorldSize;
  readonly seed?: number;
  readonly asOf?: string;
  readonly outDir: string;
}

export interface WorldManifest {
  readonly size: WorldSize;
  readonly seed: number;
  readonly asOf: string;
  readonly generatorVersion: string;
  readonly files: Readonly<Record<string, { readonly rows: number; readonly sha256: string }>>;
}

/** How many subjects are written between two backpressure checks. */
const SETTLE_EVERY = 16;

export function readWorldManifest(outDir: string): WorldManifest | undefined {
  const path = join(outDir, 'manifest.json');
  if (!existsSync(path)) return undefined;
  return JSON.parse(readFileSync(path, 'utf8')) as WorldManifest;
}

export async function generateWorld(options: GenerateWorldOptions): Promise<WorldManifest> {
  const seed = options.seed ?? DEFAULT_WORLD_SEED;
  const asOf = options.asOf ?? DEFAULT_WORLD_AS_OF;
  const scale = WORLD_SCALES[options.size];
  const existing = readWorldManifest(options.outDir);
  if (
    existing?.size === options.size &&
    existing.seed === seed &&
    existing.asOf === asOf &&
    existing.generatorVersion === GENERATOR_VERSION
  ) {
    return existing;
  }
  rmSync(join(options.outDir, 'manifest.json'), { force: true });

  const asOfDay = isoDateToEpochDay(asOf);
  const historyStartDay = addMonths(asOfDay, -12 * scale.historyYears) + 1;
  const persons = new PersonRegistry();
  const cycles = industryCycleSeverities(seed);
  const usccs = new Set<string>();
  const subjects: Subject[] = [];
  for (let index = 0; index < scale.subjectCount; index += 1) {
    subjects.push(generateSubject(index, { seed, asOfDay, persons, cycles, usccs }));
  }
  usccs.clear();

  const numbering = new ContractNumbering();
  let customerCount = 0;
  const customers: Customer[] = [];
  const customerOf = new Map<number, Customer>();
  const bookContext = { seed, asOfDay, historyStartDay, customerShare: scale.customerShare };
  for (const subject of subjects) {
    const customer = planCustomer(subject, bookContext, numbering, () => (customerCount += 1));
    if (customer === null) continue;
    customers.push(customer);
    customerOf.set(subject.index, customer);
  }
  const others = subjects.filter((s) => !customerOf.has(s.index));
  const planted = plantPatterns(customers, others, { seed, asOfDay }, persons);
  const outcomes = decideBaseDefaults(customers, seed, asOfDay);
  spreadContagion(planted.guaranteeGroups, outcomes, seed, asOfDay);
  const protectedKeys = new Set([
    ...planted.patterns.flatMap((p) => p.members),
    ...planted.links.all.flatMap((l) => [l.guarantor.subject.key, l.borrower.key]),
    ...planted.decoys.flatMap((d) => d.members),
  ]);

  const files = new WorldFiles(options.outDir);
  const context: WorldContext = {
    seed,
    asOfDay,
    historyStartDay,
    scale,
    subjects,
    files,
    persons,
    outcomes,
    counters: new Map(),
    guaranteeLinks: planted.links,
    controlGroups: new Map(
      planted.controlGroups.flatMap((group) => group.map((c) => [c.subject.index, group] as const)),
    ),
  };
  writeBanks(context);
  writeBankPartners(context, customers.flatMap(contractsOf));
  for (const pattern of planted.patterns) files.write('ground-truth/patterns.ndjson', pattern);
  for (const link of planted.links.all) {
    files.write('ground-truth/guarantee-links.ndjson', {
      ...linkRecord(link),
      pattern_ids: link.patternIds,
    });
  }
  for (const decoy of planted.decoys) files.write('ground-truth/decoys.ndjson', decoy);
  const companyBooks = new CompanyBookFlows(historyStartDay, asOfDay);

  for (const subject of subjects) {
    const customer = customerOf.get(subject.index) ?? null;
    const outcome = outcomes.get(subject.index);
    const risk = riskScore(subject.hidden);
    const histories = new Map<Contract, ContractHistory>();
    if (customer !== null) {
      const random = streamFor(seed, STREAM.business, 80_000_000 + subject.index);
      for (const contract of contractsOf(customer)) {
        histories.set(contract, contractHistory(contract, risk, asOfDay, random));
      }
    }
    companyBooks.addHistories(histories);
    const view = {
      subject,
      customer,
      outcome,
      perturbations: perturbationsOf(subject, seed, protectedKeys),
      histories,
      risk,
      registration: registrationStateOf(subject, customer !== null, seed, historyStartDay, asOfDay),
      creditLine:
        customer === null
          ? null
          : customerCreditLine(
              customer,
              streamFor(seed, STREAM.businessLegacy, 90_000_000 + subject.index),
            ),
    };
    files.write('ground-truth/subjects.ndjson', {
      subject_id: subject.subjectId,
      key: subject.key,
      kind: subject.kind,
      uscc: subject.uscc,
      id_number: subject.uscc === null ? subject.legalRep.idNumber : null,
      legal_rep_id_number: subject.legalRep.idNumber,
      name: subject.name,
      is_customer: customer !== null,
      hidden: {
        industry_cycle: Math.round(subject.hidden.industryCycle * 1000) / 1000,
        leverage: subject.hidden.leverage,
        management: subject.hidden.management,
        contagion: outcome?.viaContagion ?? false,
      },
      defaulted: outcome !== undefined,
      default_date: outcome === undefined ? null : epochDayToIsoDate(outcome.defaultDay),
    });
    writeCommerce(context, view);
    writeTax(context, view);
    writeBank(context, view);
    writeBusiness(context, view);
    if (subject.index % SETTLE_EVERY === 0) await files.settle();
  }

  writeCompanyBooks(files, deriveCompanyBooks(companyBooks, seed));
  const manifest: WorldManifest = {
    size: options.size,
    seed,
    asOf,
    generatorVersion: GENERATOR_VERSION,
    files: await files.close(),
  };
  writeFileSync(join(options.outDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}
