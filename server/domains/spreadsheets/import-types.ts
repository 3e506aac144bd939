import "reflect-metadata";
import { Field, InputType, Int, ObjectType } from "type-graphql";

/** One CSV file of the upload: its documented name (docs/spreadsheets.md) and its text. */
@InputType("SpreadsheetFileInput")
export class SpreadsheetFileInput {
  @Field(() => String, { description: "The documented file name, e.g. people.csv (the format it is read as)." })
  name!: string;

  @Field(() => String, { description: "The file's text (UTF-8; the client reads Windows-1252 files as such)." })
  text!: string;
}

@ObjectType({ description: "One file of an import: its rows and what became of them." })
export class SpreadsheetFileReport {
  @Field(() => String)
  file!: string;

  @Field(() => Int, { description: "Data rows in the file." })
  rows!: number;

  @Field(() => Int)
  created!: number;

  @Field(() => Int)
  updated!: number;

  @Field(() => Int)
  unchanged!: number;

  @Field(() => Int)
  rejected!: number;

  @Field(() => [String], { description: "Header cells that match no documented column: not read." })
  ignoredColumns!: string[];
}

@ObjectType({ description: "One value a row problem's reason names, e.g. name 'value' for the cell as it was typed." })
export class SpreadsheetReasonValue {
  @Field(() => String)
  name!: string;

  @Field(() => String)
  value!: string;
}

@ObjectType({ description: "One problem of one rejected row (line 1: the header)." })
export class SpreadsheetRowProblem {
  @Field(() => String)
  file!: string;

  @Field(() => Int, { description: "The line where the row starts (1 = the header)." })
  line!: number;

  @Field(() => String, { nullable: true, description: "The column to blame; null when the row as a whole is broken." })
  field!: string | null;

  @Field(() => String, {
    description:
      "INVALID_CSV, MISSING_COLUMN, REQUIRED, INVALID_VALUE, DUPLICATE, NOT_FOUND or CONFLICT: the client names it in the user's language.",
  })
  code!: string;

  @Field(() => String, { description: "Why, in English, with the values concerned." })
  reason!: string;

  @Field(() => String, {
    nullable: true,
    description:
      "The specific reason as a stable key (e.g. NOT_AN_EMAIL, OUT_OF_RANGE, REFERENCE_NOT_FOUND; docs/spreadsheets.md) for the " +
      "client to word in the user's language with reasonValues; null where only the code and the English reason are known.",
  })
  reasonKey!: string | null;

  @Field(() => [SpreadsheetReasonValue], { description: "The values the reason names (value, first, id, …), by name." })
  reasonValues!: SpreadsheetReasonValue[];
}

@ObjectType({ description: "What an import did — or, on a dry run, would do (nothing was written)." })
export class SpreadsheetImportReport {
  @Field(() => Boolean)
  dryRun!: boolean;

  @Field(() => [SpreadsheetFileReport], { description: "The files given, in the order they were read." })
  files!: SpreadsheetFileReport[];

  @Field(() => [SpreadsheetRowProblem])
  problems!: SpreadsheetRowProblem[];

  @Field(() => [String], { description: "Topic words no topic knew: kept as proposed topics." })
  unmatchedTopics!: string[];
}
