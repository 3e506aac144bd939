// Constraints and indexes, created at every start with IF NOT EXISTS (idempotent).
// One statement per line-group, separated by semicolons.

// Every node's id is unique within its label.
CREATE CONSTRAINT workspace_id IF NOT EXISTS FOR (n:Workspace) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT institution_id IF NOT EXISTS FOR (n:Institution) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT teaching_period_id IF NOT EXISTS FOR (n:TeachingPeriod) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT programme_id IF NOT EXISTS FOR (n:Programme) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT course_id IF NOT EXISTS FOR (n:Course) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT person_id IF NOT EXISTS FOR (n:Person) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT partner_id IF NOT EXISTS FOR (n:Partner) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT sme_id IF NOT EXISTS FOR (n:Sme) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT case_id IF NOT EXISTS FOR (n:Case) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT agreement_id IF NOT EXISTS FOR (n:Agreement) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT sprint_id IF NOT EXISTS FOR (n:Sprint) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT case_event_id IF NOT EXISTS FOR (n:CaseEvent) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT proposal_id IF NOT EXISTS FOR (n:Proposal) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT example_assignment_id IF NOT EXISTS FOR (n:ExampleAssignment) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT milestone_id IF NOT EXISTS FOR (n:Milestone) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT interaction_id IF NOT EXISTS FOR (n:Interaction) REQUIRE n.id IS UNIQUE;

// An SME's natural key: the chamber of commerce (KvK) number.
CREATE CONSTRAINT sme_kvk_number IF NOT EXISTS FOR (n:Sme) REQUIRE n.kvkNumber IS UNIQUE;

// Lookups the queries make: by name (search, intake de-duplication), by status (the case board),
// and the tie strength (warm paths filter on it).
CREATE INDEX person_name IF NOT EXISTS FOR (n:Person) ON (n.name);
CREATE INDEX person_email IF NOT EXISTS FOR (n:Person) ON (n.email);
CREATE INDEX institution_name IF NOT EXISTS FOR (n:Institution) ON (n.name);
CREATE INDEX programme_name IF NOT EXISTS FOR (n:Programme) ON (n.name);
CREATE INDEX course_name IF NOT EXISTS FOR (n:Course) ON (n.name);
CREATE INDEX sme_name_city IF NOT EXISTS FOR (n:Sme) ON (n.name, n.city);
CREATE INDEX case_status IF NOT EXISTS FOR (n:Case) ON (n.status);
CREATE INDEX case_created IF NOT EXISTS FOR (n:Case) ON (n.created);
CREATE INDEX knows_strength IF NOT EXISTS FOR ()-[r:KNOWS]-() ON (r.strength);

// The embedding ranking reads and replaces one workspace's snapshots (server/domains/network/refresh-embedding.ts).
CREATE INDEX embedding_snapshot_workspace IF NOT EXISTS FOR (n:EmbeddingSnapshot) ON (n.workspaceId);

// The vocabulary (server/domains/vocabulary): topics by id, and the full-text index the autocomplete asks
// (topicSuggestions: prefix and fuzzy terms over labels, synonyms and normalised keys; docs/matching.md).
CREATE CONSTRAINT topic_id IF NOT EXISTS FOR (n:Topic) REQUIRE n.id IS UNIQUE;
CREATE INDEX topic_status IF NOT EXISTS FOR (n:Topic) ON (n.status);
CREATE FULLTEXT INDEX topic_names IF NOT EXISTS FOR (n:Topic) ON EACH [n.labelNl, n.labelEn, n.synonyms, n.keys];

// Invitations to the portal (server/domains/invitations): by id (a link names one), and by the account they
// created (each sign-in asks whether it is the first of an invited account).
CREATE CONSTRAINT invitation_id IF NOT EXISTS FOR (n:Invitation) REQUIRE n.id IS UNIQUE;
CREATE INDEX invitation_user IF NOT EXISTS FOR (n:Invitation) ON (n.userId);
