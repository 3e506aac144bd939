import { useDraggable } from "@dnd-kit/core";
import { useRef, useState, type KeyboardEvent, type PointerEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useAccess } from "../../../app/access";
import type { CaseAction, CaseBoardQuery } from "../../../generated/graphql";
import { useFormat } from "../../../ui/useFormat";
import { ACTION_TARGET, type MoveRequest } from "./boardMoves";
import { CaseActions } from "./CaseActions";
import { CaseSignals } from "./CaseSignals";

export type CaseCardData = CaseBoardQuery["caseBoard"]["cards"][number];

/** One case on the board: what it is, for whom, how far, how long it waits, and the move it can make next. */
export function CaseCard({
  card,
  onDone,
  request = null,
  onMove,
}: {
  card: CaseCardData;
  onDone: (message: string) => void;
  /** A move asked for by a drop or this card's menu, performed by CaseActions as its button would. */
  request?: MoveRequest | null;
  /** Asks the board to perform a step on this card (the move menu). */
  onMove?: (action: CaseAction) => void;
}) {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const { caseWork } = useAccess();
  // Only those who may move cases can pick one up; a card with no step left (completed, closed) stays put.
  const movable = caseWork && card.allowedActions.length > 0;
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, isDragging } = useDraggable({
    id: card.id,
    disabled: !movable,
  });
  // dnd-kit types its listeners as plain functions; these two are the pointer and keyboard sensors' activators.
  const onPointerDown = listeners?.onPointerDown as ((event: PointerEvent<HTMLElement>) => void) | undefined;
  const onHandleKey = listeners?.onKeyDown as ((event: KeyboardEvent<HTMLButtonElement>) => void) | undefined;
  return (
    <article
      ref={setNodeRef}
      className={`case-card${isDragging ? " dragging" : ""}${card.ageing ? ` aged-${card.ageing}` : ""}`}
      aria-labelledby={`card-${card.id}`}
      data-testid={`case-card-${card.id}`}
      // The whole card can be dragged with a mouse or finger (the pointer sensor waits for a few pixels of movement,
      // so a click on its link or buttons stays a click); the keyboard picks it up from its handle only.
      onPointerDown={movable ? onPointerDown : undefined}
    >
      <h3 id={`card-${card.id}`}>
        <Link to={`/cases/${card.id}`}>{card.title}</Link>
      </h3>
      {card.selfSubmitted ? (
        // Sent by the SME itself through the public form (issue #18): a coordinator still has to qualify it.
        <p className="badge-self-submitted" data-testid="self-submitted-badge">
          {t("cases.board.selfSubmitted")}
        </p>
      ) : null}
      {/* The handle sits on the SME's line, so the title has the card's whole width to wrap between words. */}
      <div className="card-head">
        <p className="card-sme">
          {card.smeName ?? "—"}
          {card.smeCity ? <span className="muted"> · {card.smeCity}</span> : null}
        </p>
        {movable ? (
          <button
            type="button"
            ref={setActivatorNodeRef}
            className="drag-handle"
            {...attributes}
            onKeyDown={onHandleKey}
            aria-label={t("boardMoves.handle", { title: card.title })}
            aria-roledescription={t("boardMoves.roleDescription")}
            title={t("boardMoves.handleHint")}
          >
            <span aria-hidden="true">⠿</span>
          </button>
        ) : null}
      </div>
      {/* Days in the state and the date signals, as the server computed them (case-signals.ts). */}
      <CaseSignals signals={card} className="card-signals" testId={`signals-${card.id}`} />
      {card.topicLabels.length > 0 ? (
        // The vocabulary's labels in the reader's language; the typed word on hover.
        <ul className="chips" aria-label={t("cases.board.topics")}>
          {card.topicLabels.slice(0, 4).map((topic) => (
            <li key={topic.id} title={topic.word}>
              {i18n.language === "en" ? topic.labelEn : topic.labelNl}
            </li>
          ))}
        </ul>
      ) : card.topics.length > 0 ? (
        <ul className="chips" aria-label={t("cases.board.topics")}>
          {card.topics.slice(0, 4).map((topic) => (
            <li key={topic}>{topic}</li>
          ))}
        </ul>
      ) : null}
      <dl className="card-facts">
        <div>
          <dt>{t("cases.board.levels")}</dt>
          <dd>{card.wantedLevels.join(", ") || "—"}</dd>
        </div>
        {card.deadline ? (
          <div>
            <dt>{t("cases.board.deadline")}</dt>
            <dd>{f.date(card.deadline)}</dd>
          </div>
        ) : null}
        {card.partnerName ? (
          <div>
            <dt>{t("cases.board.partner")}</dt>
            <dd>{card.partnerName}</dd>
          </div>
        ) : null}
        {card.coordinatorName ? (
          <div>
            <dt>{t("cases.board.coordinator")}</dt>
            <dd>{card.coordinatorName}</dd>
          </div>
        ) : null}
        {card.suggestionCount !== null && card.suggestionCount !== undefined ? (
          <div>
            <dt>{t("cases.board.suggestions")}</dt>
            <dd>{card.suggestionCount}</dd>
          </div>
        ) : null}
        {card.openProposals > 0 ? (
          <div>
            <dt>{t("cases.board.openProposals")}</dt>
            <dd>{card.openProposals}</dd>
          </div>
        ) : null}
      </dl>
      <CaseActions
        caseId={card.id}
        title={card.title}
        allowedActions={card.allowedActions}
        onDone={onDone}
        compact
        request={request}
      />
      {movable && onMove ? <MoveMenu card={card} onMove={onMove} /> : null}
    </article>
  );
}

/**
 * "Move to…": the card's steps as a menu of target columns, for keyboard users who would rather pick than drag
 * (arrow keys move through it, Escape closes it and returns focus to its button).
 */
function MoveMenu({ card, onMove }: { card: CaseCardData; onMove: (action: CaseAction) => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const menuId = `move-menu-${card.id}`;

  function focusItem(index: number) {
    const items = [...(list.current?.querySelectorAll<HTMLButtonElement>("[role='menuitem']") ?? [])];
    if (items.length === 0) return;
    items[(index + items.length) % items.length]?.focus();
  }
  function onMenuKey(event: KeyboardEvent<HTMLUListElement>) {
    const items = [...(list.current?.querySelectorAll<HTMLButtonElement>("[role='menuitem']") ?? [])];
    const current = items.indexOf(document.activeElement as HTMLButtonElement);
    if (event.key === "ArrowDown") focusItem(current + 1);
    else if (event.key === "ArrowUp") focusItem(current - 1);
    else if (event.key === "Home") focusItem(0);
    else if (event.key === "End") focusItem(items.length - 1);
    else if (event.key === "Escape") {
      setOpen(false);
      button.current?.focus();
    } else return;
    event.preventDefault();
    event.stopPropagation();
  }

  return (
    <div className="move-menu" onPointerDown={(e) => e.stopPropagation()}>
      <button
        ref={button}
        type="button"
        className="link-button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-label={t("boardMoves.menuFor", { title: card.title })}
        onClick={() => {
          setOpen(!open);
          if (!open) requestAnimationFrame(() => focusItem(0));
        }}
        onKeyDown={(e) => {
          if (e.key === "ArrowDown" && !open) {
            e.preventDefault();
            setOpen(true);
            requestAnimationFrame(() => focusItem(0));
          }
        }}
      >
        {t("boardMoves.menu")}
      </button>
      {open ? (
        <ul id={menuId} ref={list} role="menu" className="move-menu-list" onKeyDown={onMenuKey}>
          {card.allowedActions.map((action) => (
            <li key={action} role="none">
              <button
                type="button"
                role="menuitem"
                tabIndex={-1}
                onClick={() => {
                  setOpen(false);
                  onMove(action);
                }}
              >
                {t("boardMoves.to", { status: t(`enums.caseStatus.${ACTION_TARGET[action]}`) })}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
