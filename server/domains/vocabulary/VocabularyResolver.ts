import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from "type-graphql";
import { Access } from "../../platform/auth/Access.js";
import { editAuthor } from "../history/index.js";
import type { GraphQLContext } from "../../platform/graphql/context.js";
import { Cost } from "../../platform/limits/Cost.js";
import {
  acceptTopic,
  addTopicSynonym,
  createTopic,
  mergeTopic,
  readTopics,
  rejectTopic,
  removeTopicSynonym,
  setTopicLinks,
} from "./change-topics.js";
import { suggestTopics } from "./topic-suggestions.js";
import { TopicChoice, TopicEntry, TopicStatus } from "./topic-types.js";

/**
 * The vocabulary's API (docs/matching.md): autocomplete and the list for everyone who reads cases; the changes for
 * coordinators and admins only (CASE_WORK: analysts and viewers are refused). Where a topic is used (its cases and
 * courses) is read through the generated API (Topic.cases, Topic.courses).
 */
@Resolver()
export class VocabularyResolver {
  @Query(() => [TopicChoice], {
    description:
      "Autocomplete: topics whose label, synonym or key starts with (or, from five letters, is spelled like) what was typed.",
  })
  @Access("CASE_READ")
  @Cost("topicSuggestions")
  async topicSuggestions(
    @Ctx() ctx: GraphQLContext,
    @Arg("prefix", () => String) prefix: string,
    @Arg("limit", () => Int, { defaultValue: 10 }) limit = 10,
  ): Promise<TopicChoice[]> {
    return suggestTopics(ctx.db, prefix, limit);
  }

  @Query(() => [TopicChoice], {
    description:
      "The public question form's autocomplete (no sign-in): accepted topics only (never a word someone proposed), at most 8.",
  })
  @Access("PUBLIC")
  @Cost("publicTopicSuggestions")
  async publicTopicSuggestions(@Ctx() ctx: GraphQLContext, @Arg("prefix", () => String) prefix: string): Promise<TopicChoice[]> {
    // What anyone may type is bounded: a prefix longer than any topic's label finds nothing anyway.
    if (prefix.length > 60) return [];
    const found = await suggestTopics(ctx.db, prefix, 24);
    return found.filter((t) => t.status === TopicStatus.ACCEPTED).slice(0, 8);
  }

  @Query(() => [TopicEntry], { description: "The vocabulary by status (default: the proposed topics), with where each is used." })
  @Access("CASE_READ")
  @Cost("vocabularyTopics")
  async vocabularyTopics(
    @Ctx() ctx: GraphQLContext,
    @Arg("statuses", () => [TopicStatus], { defaultValue: [TopicStatus.PROPOSED] })
    statuses: TopicStatus[] = [TopicStatus.PROPOSED],
    @Arg("limit", () => Int, { defaultValue: 200 }) limit = 200,
  ): Promise<TopicEntry[]> {
    return readTopics(ctx.db, statuses, limit);
  }

  @Mutation(() => ID, { description: "Adds a new accepted topic with its Dutch and English label, synonyms and broader topics." })
  @Access("CASE_WORK")
  @Cost("createTopic")
  async createTopic(
    @Ctx() ctx: GraphQLContext,
    @Arg("labelNl", () => String) labelNl: string,
    @Arg("labelEn", () => String) labelEn: string,
    @Arg("synonyms", () => [String], { defaultValue: [] }) synonyms: string[] = [],
    @Arg("broader", () => [ID], { defaultValue: [] }) broader: string[] = [],
  ): Promise<string> {
    return createTopic(ctx.db, { labelNl, labelEn, synonyms, broader }, editAuthor(ctx));
  }

  @Mutation(() => ID, { description: "Accepts a proposed topic into the vocabulary, with its labels and broader topics." })
  @Access("CASE_WORK")
  @Cost("acceptTopic")
  async acceptTopic(
    @Ctx() ctx: GraphQLContext,
    @Arg("id", () => ID) id: string,
    @Arg("labelNl", () => String) labelNl: string,
    @Arg("labelEn", () => String) labelEn: string,
    @Arg("broader", () => [ID], { defaultValue: [] }) broader: string[] = [],
  ): Promise<string> {
    return acceptTopic(ctx.db, { id, labelNl, labelEn, broader }, editAuthor(ctx));
  }

  @Mutation(() => ID, {
    description:
      "Rejects a proposed topic: its word stays on the cases and courses but is linked to no topic, and is not proposed again.",
  })
  @Access("CASE_WORK")
  @Cost("rejectTopic")
  async rejectTopic(@Ctx() ctx: GraphQLContext, @Arg("id", () => ID) id: string): Promise<string> {
    return rejectTopic(ctx.db, id, editAuthor(ctx));
  }

  @Mutation(() => ID, { description: "Adds a synonym (a word in either language) to a topic." })
  @Access("CASE_WORK")
  @Cost("addTopicSynonym")
  async addTopicSynonym(
    @Ctx() ctx: GraphQLContext,
    @Arg("id", () => ID) id: string,
    @Arg("synonym", () => String) synonym: string,
  ): Promise<string> {
    return addTopicSynonym(ctx.db, id, synonym, editAuthor(ctx));
  }

  @Mutation(() => ID, { description: "Removes a synonym from a topic (links already made through it stay)." })
  @Access("CASE_WORK")
  @Cost("removeTopicSynonym")
  async removeTopicSynonym(
    @Ctx() ctx: GraphQLContext,
    @Arg("id", () => ID) id: string,
    @Arg("synonym", () => String) synonym: string,
  ): Promise<string> {
    return removeTopicSynonym(ctx.db, id, synonym, editAuthor(ctx));
  }

  @Mutation(() => ID, {
    description:
      "Sets a topic's broader and/or narrower topics (a given list replaces the old links, a list left out stays); a circle is refused.",
  })
  @Access("CASE_WORK")
  @Cost("setTopicLinks")
  async setTopicLinks(
    @Ctx() ctx: GraphQLContext,
    @Arg("id", () => ID) id: string,
    @Arg("broader", () => [ID], { nullable: true }) broader: string[] | null = null,
    @Arg("narrower", () => [ID], { nullable: true }) narrower: string[] | null = null,
  ): Promise<string> {
    return setTopicLinks(ctx.db, { id, broader: broader ?? null, narrower: narrower ?? null }, editAuthor(ctx));
  }

  @Mutation(() => ID, {
    description:
      "Merges a duplicate topic into another in one transaction: its cases and courses, labels (as synonyms) and broader links move.",
  })
  @Access("CASE_WORK")
  @Cost("mergeTopic")
  async mergeTopic(
    @Ctx() ctx: GraphQLContext,
    @Arg("from", () => ID) from: string,
    @Arg("into", () => ID) into: string,
  ): Promise<string> {
    return mergeTopic(ctx.db, from, into, editAuthor(ctx));
  }
}
