import { describe, expect, it } from 'vitest';
import { validateResidentIdNumber } from '@bianmin/identity/bulk';
import { cityDigest, generateCity } from './city.js';
import { cityFacts } from './facts.js';
import { CITY_BOX, communitiesOf } from './geography.js';
import { asOfInstant } from './options.js';
import { SYNTHETIC_MARK } from './people/person.js';

const small = { seed: 7, residents: 500, items: 40, points: 80 };
const city = generateCity(small);

describe('the generated city', () => {
  it('is the same for the same seed and size, byte for byte', () => {
    expect(cityDigest(generateCity(small))).toBe(cityDigest(city));
  });

  it('is another city for another seed', () => {
    const other = generateCity({ ...small, seed: 8 });
    expect(cityDigest(other)).not.toBe(cityDigest(city));
    expect(other.residents[0]!.idNumber).not.toBe(city.residents[0]!.idNumber);
  });

  it('keeps geography, catalog and staff when only the number of residents changes', () => {
    const bigger = generateCity({ ...small, residents: 600 });
    expect(bigger.geography).toEqual(city.geography);
    expect(bigger.catalog).toEqual(city.catalog);
    expect(bigger.staff).toEqual(city.staff);
    expect(bigger.residents.slice(0, 500)).toEqual(city.residents);
  });

  it('has 10 districts, 100 streets and 1,000 communities inside the city, the demo ones among them', () => {
    const { districts } = city.geography;
    const streets = districts.flatMap((d) => d.streets.map((s) => ({ ...s, district: d })));
    const communities = communitiesOf(city.geography);
    expect([districts.length, streets.length, communities.length]).toEqual([10, 100, 1000]);
    expect(districts.map((d) => d.code)).toContain('339901');
    expect(communities.map((c) => c.code)).toContain('33990101001001'); // 柳营社区, where 张小民 lives
    for (const d of districts) expect(d.code).toMatch(/^3399\d{2}$/);
    for (const s of streets) expect(s.code).toMatch(new RegExp(`^${s.district.code}01\\d{3}$`));
    for (const c of communities) {
      expect(c.code.slice(0, 11)).toBe(c.street.code);
      expect(c.code).toMatch(/^\d{14}$/);
      expect(c.latitude).toBeGreaterThanOrEqual(CITY_BOX.south);
      expect(c.latitude).toBeLessThanOrEqual(CITY_BOX.north);
      expect(c.longitude).toBeGreaterThanOrEqual(CITY_BOX.west);
      expect(c.longitude).toBeLessThanOrEqual(CITY_BOX.east);
    }
    expect(new Set(communities.map((c) => c.name)).size).toBe(1000);
  });

  it('gives everyone a valid, unique 18-digit ID number of the fictional 3399 prefecture, matching sex and birth date', () => {
    const people = [...city.residents, ...city.staff];
    for (const p of people) {
      const checked = validateResidentIdNumber(p.idNumber, asOfInstant(city.options));
      expect(checked, p.idNumber).toEqual({ ok: true, idNumber: p.idNumber, dateOfBirth: p.dateOfBirth });
      expect(p.idNumber.slice(0, 6)).toBe(p.community.district.code);
      expect(Number(p.idNumber[16]) % 2).toBe(p.sex === '男' ? 1 : 0);
    }
    expect(new Set(people.map((p) => p.idNumber)).size).toBe(people.length);
  });

  it('makes adults of realistic ages with marked addresses and 199 0x phones', () => {
    const ages = city.residents.map((r) => 2026 - Number(r.dateOfBirth.slice(0, 4)));
    expect(Math.min(...ages)).toBeGreaterThanOrEqual(16);
    expect(Math.max(...ages)).toBeLessThanOrEqual(97);
    const seniors = ages.filter((a) => a >= 61).length / ages.length;
    expect(seniors).toBeGreaterThan(0.15);
    expect(seniors).toBeLessThan(0.4);
    expect(
      city.residents.every((r) => /^19900\d{6}$/.test(r.phone) && r.address.endsWith(SYNTHETIC_MARK)),
    ).toBe(true);
    expect(city.staff.every((s) => /^19901\d{6}$/.test(s.phone))).toBe(true);
    expect(city.staff.filter((s) => s.departmentCode === 'MZ').map((s) => s.roles)).toContainEqual([
      'department-staff',
      'supervisor',
    ]);
  });

  it('gives every resident a 居民身份证, and 老年人优待证 only to over-60s, issued before the day', () => {
    const byPerson = new Map(city.residents.map((r) => [r.personId, r]));
    const ids = city.licences.filter((l) => l.typeCode === 'RESIDENT_ID_CARD');
    expect(new Set(ids.map((l) => l.holderPersonId)).size).toBe(city.residents.length);
    for (const licence of city.licences) {
      const holder = byPerson.get(licence.holderPersonId)!;
      expect(licence.issueDate <= city.options.asOf).toBe(true);
      expect(licence.issueDate >= holder.dateOfBirth).toBe(true);
      if (licence.typeCode === 'SENIOR_CARD') expect(holder.dateOfBirth <= '1966-11-01').toBe(true);
    }
  });

  it('plans applications in order, all before the day, by their applicants and departments', () => {
    const asOf = asOfInstant(city.options).getTime();
    const staff = new Map(city.staff.map((s) => [s.accountId, s]));
    expect(city.applications).toHaveLength(500);
    for (const plan of city.applications) {
      const times = [plan.createdAt, plan.savedAt, ...plan.steps.map((s) => s.at)].map((d) => d.getTime());
      expect(times).toEqual([...times].sort((a, b) => a - b));
      expect(times.at(-1)!).toBeLessThan(asOf);
      for (const step of plan.steps) {
        if (step.actors.includes('APPLICANT')) expect(step.actorAccountId).toBe(plan.accountId);
        else
          expect(plan.itemCode.startsWith(`${staff.get(step.actorAccountId)!.departmentCode}-`)).toBe(true);
      }
    }
  });

  it('tells a benchmark whom to sign in as and what to ask for', () => {
    const facts = cityFacts(city);
    expect(facts.residentLogins).toHaveLength(50);
    expect(facts.residentLogins.every((r) => r.applications > 0)).toBe(true);
    expect(facts.staff.map((s) => s.departmentCode)).toEqual(city.catalog.departments.map((d) => d.code));
    expect(
      facts.staff.every((s) => s.roles.includes('supervisor') && /^[A-Z2-7]{32}$/.test(s.totpSecret)),
    ).toBe(true);
    expect(facts.catalogCodes).toHaveLength(20);
    expect(facts.communities).toHaveLength(20);
    expect(facts.searchTerms.length).toBeGreaterThanOrEqual(5);
  });
});
