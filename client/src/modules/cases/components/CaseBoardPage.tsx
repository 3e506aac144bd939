import {
  DndContext,
  DragOverlay,
  KeyboardSensor,
  PointerSensor,
  pointerWithin,
  rectIntersection,
  useDroppable,
  useSensor,
  useSensors,
  type Announcements,
  type CollisionDetection,
  type DragEndEvent,
  type KeyboardCoordinateGetter,
} from "@dnd-kit/core";
import { useMemo, useState, type FormEvent, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { useQuery } from "urql";
import { useAccess, useSession } from "../../../app/access";
import type { CaseAction, CaseBoardFilter, CaseStatus, EducationLevel } from "../../../generated/graphql";
import { DownloadCsvButton } from "../../../ui/DownloadCsvButton";
import { PageHeader } from "../../../ui/PageHeader";
import { QueryState } from "../../../ui/QueryState";
import { caseBoardOptionsQuery, caseBoardQuery } from "../graphql/caseBoardQuery";
import { exportCasesCsvQuery } from "../graphql/exportCasesCsvQuery";
import { CaseCard, type CaseCardData } from "./CaseCard";
import { caseQueryContext } from "../hooks/caseChangeTypenames";
import { actionInto, targetsOf, type MoveRequest } from "./boardMoves";
import { useSavedBoardFilters } from "../hooks/savedBoardFilters";

const levels: EducationLevel[] = ["WO", "HBO", "MBO"];
const filterKeys = ["institution", "topic", "level", "partner", "coordinator", "search", "status", "mine"] as const;
/**
 * The narrowest a column gets: wide enough for the longest single word of a demo title ("Gebruiksvriendelijkere") to
 * fit, so titles wrap between words only; seven such columns are wider than a laptop, so the board scrolls in its frame.
 */
const minColumnWidth = 232;
/** Cards fetched at once; each column says when it holds more than it shows. */
const pageSize = 200;

/** Pointer drops land on the column under the pointer; keyboard drops (no pointer) on the column the card overlaps. */
const boardCollisions: CollisionDetection = (args) => {
  const under = pointerWithin(args);
  return under.length > 0 ? under : rectIntersection(args);
};

/** Arrow left and right carry a picked-up card to the middle of the previous or next column; up and down do nothing. */
const columnCoordinates: KeyboardCoordinateGetter = (event, { context, currentCoordinates }) => {
  const { collisionRect, droppableRects } = context;
  if (!collisionRect || (event.code !== "ArrowRight" && event.code !== "ArrowLeft")) return undefined;
  event.preventDefault();
  const columns = [...droppableRects.values()].sort((a, b) => a.left - b.left);
  const centre = collisionRect.left + collisionRect.width / 2;
  const target =
    event.code === "ArrowRight"
      ? columns.find((c) => c.left > centre)
      : [...columns].reverse().find((c) => c.left + c.width < centre);
  if (!target) return currentCoordinates;
  return { x: currentCoordinates.x + (target.left + target.width / 2 - centre), y: currentCoordinates.y };
};

/**
 * The case board: a column per status with its count, filters (kept in the address, so a filtered
 * board can be shared; "my cases"; named filters saved per user), search, and on each card the move its
 * status allows — as buttons, as a "move to" menu, and by dragging the card onto a column (mouse, touch on its
 * handle, or keyboard: space on the handle, arrows, space). A drop asks the card's CaseActions for the very step its
 * button performs (same dialog, same mutation, same refusals); a column none of the card's allowedActions leads into
 * refuses the drop with the reason, and nothing is written.
 */
export function CaseBoardPage() {
  const { t, i18n } = useTranslation();
  const access = useAccess();
  const [params, setParams] = useSearchParams();
  const [message, setMessage] = useState<string | null>(null);
  const [searchText, setSearchText] = useState(params.get("search") ?? "");

  const { user } = useSession();
  const saved = useSavedBoardFilters(user.id);
  const [filterName, setFilterName] = useState("");
  const [request, setRequest] = useState<MoveRequest | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [dragged, setDragged] = useState<CaseCardData | null>(null);
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor, { coordinateGetter: columnCoordinates }),
  );

  const filter: CaseBoardFilter = {};
  for (const key of filterKeys) {
    const value = params.get(key);
    if (!value) continue;
    if (key === "mine") filter.mine = value === "1";
    else (filter as Record<string, string>)[key] = value;
  }
  const [result, refetch] = useQuery({
    query: caseBoardQuery,
    variables: { filter, first: pageSize },
    context: caseQueryContext,
  });
  const [options] = useQuery({ query: caseBoardOptionsQuery });
  const board = result.data?.caseBoard;

  function setFilter(key: (typeof filterKeys)[number], value: string) {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next);
  }

  function submitSearch(event: FormEvent) {
    event.preventDefault();
    setFilter("search", searchText.trim());
  }

  const cardsById = useMemo(() => new Map((board?.cards ?? []).map((c) => [c.id, c])), [board]);
  const statusName = (status: CaseStatus) => t(`enums.caseStatus.${status}`);
  /** Why `card` cannot go into `to` (null when it can): what the server allows from its status. */
  function refusalOf(card: CaseCardData, to: CaseStatus): string | null {
    if (actionInto(card.allowedActions, to)) return null;
    const targets = targetsOf(card.allowedActions).map(statusName);
    return t("boardMoves.refused", {
      title: card.title,
      from: statusName(card.status),
      to: statusName(to),
      allowed: targets.length > 0 ? targets.join(", ") : t("boardMoves.nothing"),
    });
  }
  function move(card: CaseCardData, action: CaseAction) {
    setRefusal(null);
    setMessage(null);
    setRequest((previous) => ({ caseId: card.id, action, nonce: (previous?.nonce ?? 0) + 1 }));
  }
  function onDragEnd({ active, over }: DragEndEvent) {
    setDragged(null);
    const card = cardsById.get(String(active.id));
    const to = over ? (String(over.id) as CaseStatus) : null;
    if (!card || !to || to === card.status) return;
    const action = actionInto(card.allowedActions, to);
    if (action) move(card, action);
    else setRefusal(refusalOf(card, to));
  }
  const announcements: Announcements = {
    onDragStart: ({ active }) => {
      const card = cardsById.get(String(active.id));
      return card ? t("boardMoves.announce.start", { title: card.title, status: statusName(card.status) }) : undefined;
    },
    onDragOver: ({ active, over }) => {
      const card = cardsById.get(String(active.id));
      if (!card) return undefined;
      if (!over) return t("boardMoves.announce.overNothing");
      const to = String(over.id) as CaseStatus;
      // Over its own column: said when picked up already ("… opgepakt, in Intake"), so nothing to add.
      if (to === card.status) return undefined;
      return refusalOf(card, to) ?? t("boardMoves.announce.overAllowed", { status: statusName(to) });
    },
    onDragEnd: ({ active, over }) => {
      const card = cardsById.get(String(active.id));
      if (!card) return undefined;
      const to = over ? (String(over.id) as CaseStatus) : null;
      if (!to || to === card.status) return t("boardMoves.announce.notMoved", { title: card.title });
      return refusalOf(card, to) ?? t("boardMoves.announce.dropped", { title: card.title, status: statusName(to) });
    },
    onDragCancel: ({ active }) => {
      const card = cardsById.get(String(active.id));
      return card ? t("boardMoves.announce.cancelled", { title: card.title }) : undefined;
    },
  };

  const coordinators = options.data?.workspaces.flatMap((w) => w.coordinators) ?? [];
  const savedQuery = (() => {
    const kept = new URLSearchParams();
    for (const k of ["status", "topic", "partner", "level", "mine", "institution", "coordinator", "search"]) {
      const v = params.get(k);
      if (v) kept.set(k, v);
    }
    return kept.toString();
  })();
  const currentSaved = saved.filters.find((f) => f.query === savedQuery && savedQuery !== "")?.name ?? "";
  // The columns and their order are the server's (caseBoard.columns holds every status, in lifecycle order).
  const shownStatuses = filter.status ? [filter.status] : (board?.columns.map((c) => c.status) ?? []);
  const activeFilters = filterKeys.filter((k) => params.get(k)).length;

  return (
    <section className="board-page">
      <PageHeader title={t("board.title")}>
        {access.dataTransfer ? (
          <DownloadCsvButton
            query={exportCasesCsvQuery}
            variables={{ language: i18n.language === "en" ? "EN" : "NL" }}
            field="exportCasesCsv"
            fileName="cases.csv"
            label={t("cases.board.exportCsv")}
          />
        ) : null}
        {access.caseWork ? (
          <Link className="button-link primary" to="/intake">
            {t("cases.board.newCase")}
          </Link>
        ) : null}
      </PageHeader>
      <form className="filters board-filters" onSubmit={submitSearch} role="search" aria-label={t("cases.board.filters")}>
        <label>
          {t("cases.board.search")}
          <span className="inline-form">
            <input
              type="search"
              value={searchText}
              onChange={(e) => setSearchText(e.target.value)}
              placeholder={t("cases.board.searchPlaceholder")}
            />
            <button type="submit">{t("explorer.search")}</button>
          </span>
        </label>
        <label>
          {t("cases.board.institution")}
          <select value={params.get("institution") ?? ""} onChange={(e) => setFilter("institution", e.target.value)}>
            <option value="">{t("outreach.all")}</option>
            {(options.data?.institutions ?? []).map((i) => (
              <option key={i.id} value={i.id}>
                {i.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("cases.board.topic")}
          <input
            type="text"
            defaultValue={params.get("topic") ?? ""}
            onBlur={(e) => setFilter("topic", e.target.value.trim())}
            onKeyDown={(e) => {
              if (e.key === "Enter") {
                e.preventDefault();
                setFilter("topic", e.currentTarget.value.trim());
              }
            }}
          />
        </label>
        <label>
          {t("cases.board.level")}
          <select value={params.get("level") ?? ""} onChange={(e) => setFilter("level", e.target.value)}>
            <option value="">{t("outreach.all")}</option>
            {levels.map((l) => (
              <option key={l} value={l}>
                {l}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("cases.board.partner")}
          <select value={params.get("partner") ?? ""} onChange={(e) => setFilter("partner", e.target.value)}>
            <option value="">{t("outreach.all")}</option>
            {(options.data?.partners ?? []).map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("cases.board.coordinator")}
          <select
            value={params.get("coordinator") ?? ""}
            onChange={(e) => setFilter("coordinator", e.target.value)}
            disabled={filter.mine === true}
          >
            <option value="">{t("outreach.all")}</option>
            {coordinators.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        {user.person ? (
          // "Mine": the cases HANDLED_BY the person this account is (the server resolves who that is).
          <label className="checkbox-label">
            <input
              type="checkbox"
              checked={filter.mine === true}
              onChange={(e) => setFilter("mine", e.target.checked ? "1" : "")}
            />
            {t("boardFilters.mine")}
          </label>
        ) : null}
        {activeFilters > 0 ? (
          <button
            type="button"
            onClick={() => {
              setSearchText("");
              setParams(new URLSearchParams());
            }}
          >
            {t("cases.board.clearFilters")}
          </button>
        ) : null}
      </form>
      <div className="saved-filters filters" role="group" aria-label={t("boardFilters.saved")}>
        <label>
          {t("boardFilters.saved")}
          <select
            value={currentSaved}
            onChange={(e) => {
              const chosen = saved.filters.find((f) => f.name === e.target.value);
              if (!chosen) return;
              const next = new URLSearchParams(chosen.query);
              setSearchText(next.get("search") ?? "");
              setParams(next);
            }}
          >
            <option value="">{saved.filters.length > 0 ? t("boardFilters.choose") : t("boardFilters.none")}</option>
            {saved.filters.map((f) => (
              <option key={f.name} value={f.name}>
                {f.name}
              </option>
            ))}
          </select>
        </label>
        {currentSaved ? (
          <button type="button" onClick={() => saved.remove(currentSaved)}>
            {t("boardFilters.delete", { name: currentSaved })}
          </button>
        ) : null}
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (!filterName.trim() || savedQuery === "") return;
            // The address as it stands now, not this render's `params`: the router applies a filter change in a
            // transition, so a save clicked right after choosing a level could otherwise keep the filter without it.
            saved.save(filterName.trim(), new URLSearchParams(window.location.search));
            setFilterName("");
          }}
        >
          <label>
            {t("boardFilters.name")}
            <input type="text" value={filterName} maxLength={60} onChange={(e) => setFilterName(e.target.value)} />
          </label>
          <button type="submit" disabled={!filterName.trim() || savedQuery === ""}>
            {t("boardFilters.save")}
          </button>
        </form>
      </div>
      {refusal ? (
        <p className="field-error" role="alert" data-testid="board-refusal">
          {refusal}
        </p>
      ) : null}
      {message ? (
        <p className="success" role="status">
          {message}
        </p>
      ) : null}
      <QueryState
        fetching={result.fetching}
        error={result.error}
        hasData={Boolean(board)}
        onRetry={() => refetch({ requestPolicy: "network-only" })}
      >
        {board ? (
          <>
            <p className="muted" aria-live="polite">
              {t("cases.board.total", { count: board.totalCount })}
            </p>
            <DndContext
              sensors={sensors}
              collisionDetection={boardCollisions}
              accessibility={{ announcements, screenReaderInstructions: { draggable: t("boardMoves.instructions") } }}
              onDragStart={({ active }) => {
                setRefusal(null);
                setDragged(cardsById.get(String(active.id)) ?? null);
              }}
              onDragCancel={() => setDragged(null)}
              onDragEnd={onDragEnd}
            >
              <div
                className="board"
                style={{ gridTemplateColumns: `repeat(${shownStatuses.length}, minmax(${minColumnWidth}px, 1fr))` }}
              >
                {shownStatuses.map((status) => {
                  const cards = board.cards.filter((c) => c.status === status);
                  const count = board.columns.find((c) => c.status === status)?.count ?? 0;
                  const dropState =
                    !dragged || dragged.status === status ? null : actionInto(dragged.allowedActions, status) ? "ok" : "refused";
                  return (
                    <DroppableColumn
                      key={status}
                      status={status}
                      dropState={dropState}
                      refusedText={t("boardMoves.columnRefused")}
                    >
                      <h2 id={`column-${status}`}>
                        {t(`enums.caseStatus.${status}`)}{" "}
                        <span className="count" data-testid={`count-${status}`}>
                          {count}
                        </span>
                      </h2>
                      {cards.length === 0 ? <p className="muted empty-column">{t("cases.board.empty")}</p> : null}
                      {cards.map((card) => (
                        <CaseCard
                          key={card.id}
                          card={card}
                          onDone={setMessage}
                          request={request?.caseId === card.id ? request : null}
                          onMove={(action) => move(card, action)}
                        />
                      ))}
                      {count > cards.length ? (
                        <button type="button" className="link-button" onClick={() => setFilter("status", status)}>
                          {t("cases.board.showAll", { count })}
                        </button>
                      ) : null}
                    </DroppableColumn>
                  );
                })}
              </div>
              <DragOverlay dropAnimation={null}>
                {dragged ? (
                  <div className="case-card drag-preview" aria-hidden="true">
                    <strong>{dragged.title}</strong>
                    <div className="muted">{dragged.smeName ?? ""}</div>
                  </div>
                ) : null}
              </DragOverlay>
            </DndContext>
            {filter.status ? (
              <button type="button" onClick={() => setFilter("status", "")}>
                {t("cases.board.allColumns")}
              </button>
            ) : null}
          </>
        ) : null}
      </QueryState>
    </section>
  );
}

/** A status column as a drop target; while a card is dragged it shows whether it would take it. */
function DroppableColumn({
  status,
  dropState,
  refusedText,
  children,
}: {
  status: CaseStatus;
  dropState: "ok" | "refused" | null;
  refusedText: string;
  children: ReactNode;
}) {
  const { setNodeRef, isOver } = useDroppable({ id: status });
  return (
    <section
      ref={setNodeRef}
      className={`board-column column-${status}${dropState ? ` drop-${dropState}` : ""}${isOver ? " drop-over" : ""}`}
      aria-labelledby={`column-${status}`}
      data-testid={`column-${status}`}
      data-drop={dropState ?? undefined}
    >
      {dropState === "refused" ? <p className="drop-hint">{refusedText}</p> : null}
      {children}
    </section>
  );
}
