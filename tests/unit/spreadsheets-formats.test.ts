import { readFileSync } from "node:fs";
import { parse, Kind, type EnumTypeDefinitionNode } from "graphql";
import { describe, expect, it } from "vitest";
import {
  CaseStatus,
  CourseKind,
  EducationLevel,
  Effort,
  InteractionChannel,
  InteractionResult,
  MappingStatus,
  PartnerKind,
  ProgrammeLevel,
  SmeSize,
  TieChannel,
} from "../../server/platform/model/graph-enums.js";
import { caseExportColumns } from "../../server/domains/spreadsheets/export-cases-csv.js";
import { contactExportColumns } from "../../server/domains/spreadsheets/export-contacts-csv.js";
import { fileSpecs, specOf } from "../../server/domains/spreadsheets/csv-formats.js";

const read = (file: string): string => readFileSync(new URL(`../../${file}`, import.meta.url), "utf8");

describe("the value lists and documented formats stay in step with the code", () => {
  it("the enumerations match schema/graph.graphql", () => {
    const enums = new Map(
      parse(read("schema/graph.graphql"))
        .definitions.filter((d): d is EnumTypeDefinitionNode => d.kind === Kind.ENUM_TYPE_DEFINITION)
        .map((d) => [d.name.value, (d.values ?? []).map((v) => v.name.value)]),
    );
    expect({
      MappingStatus: Object.values(MappingStatus),
      InteractionChannel: Object.values(InteractionChannel),
      InteractionResult: Object.values(InteractionResult),
      CaseStatus: Object.values(CaseStatus),
      EducationLevel: Object.values(EducationLevel),
      ProgrammeLevel: Object.values(ProgrammeLevel),
      CourseKind: Object.values(CourseKind),
      TieChannel: Object.values(TieChannel),
      PartnerKind: Object.values(PartnerKind),
      SmeSize: Object.values(SmeSize),
      Effort: Object.values(Effort),
    }).toEqual(
      Object.fromEntries(
        [
          "MappingStatus",
          "InteractionChannel",
          "InteractionResult",
          "CaseStatus",
          "EducationLevel",
          "ProgrammeLevel",
          "CourseKind",
          "TieChannel",
          "PartnerKind",
          "SmeSize",
          "Effort",
        ].map((name) => [name, enums.get(name)]),
      ),
    );
  });

  it("docs/spreadsheets.md has a section per file listing exactly its columns, and the export columns", () => {
    const doc = read("docs/spreadsheets.md");
    const sections = doc.split(/\n## /).slice(1);
    for (const spec of fileSpecs) {
      const section = sections.find((s) => s.startsWith(spec.file));
      expect(section, spec.file).toBeDefined();
      const documented = [...section!.matchAll(/^\| `(\w+)` \|/gm)].map((m) => m[1]);
      expect(documented, spec.file).toEqual(spec.columns.map((c) => c.name));
      for (const column of spec.columns.filter((c) => c.required)) {
        expect(section, `${spec.file} ${column.name}`).toMatch(new RegExp(`\\| \`${column.name}\` \\| [^|]+ \\| yes`));
      }
    }
    const exportPart = doc.slice(doc.indexOf("### Cases export"));
    for (const column of [...caseExportColumns, ...contactExportColumns]) expect(exportPart, column).toContain(`\`${column}\``);
  });

  it("the example spreadsheets use the documented columns", () => {
    for (const spec of fileSpecs) {
      const header = read(`seed/csv-example/${spec.file}`).split("\n", 1)[0]!.split(",");
      expect(header, spec.file).toEqual(spec.columns.map((c) => c.name).filter((name) => header.includes(name)));
      expect(header.length, spec.file).toBeGreaterThan(0);
    }
    expect(specOf("ties.csv").columns.find((c) => c.name === "strength")).toMatchObject({ min: 0, max: 1, minExclusive: true });
  });

  it("docs/figures.md and docs/outreach.md define every query and mutation", () => {
    const figures = read("docs/figures.md");
    for (const name of [
      "caseFunnel(",
      "caseFunnelByPeriod(",
      "caseDurations(",
      "matchFigures(",
      "partnerYield(",
      "teacherResponseRates(",
    ])
      expect(figures).toContain(name);
    const outreach = read("docs/outreach.md");
    for (const name of ["setMappingStatus(", "logInteraction(", "interactionLog(", "addExampleAssignment(", "mappingTable("])
      expect(outreach).toContain(name);
  });
});
