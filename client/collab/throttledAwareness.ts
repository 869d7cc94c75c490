/**
 * The caret extension publishes this person's caret on every selection change and, while the
 * editor has focus, again on every remote edit; each publication is an awareness message, and the
 * server builds a throwaway Y.Doc for each one. This view of an awareness lets at most one change
 * through per `intervalMs` (the first at once); the latest value of each field always follows, so
 * others end up seeing where the caret really is. One view per awareness, shared by every editor
 * on the page, so a closing editor's late "no caret" cannot overtake the next editor's caret.
 */
import type { Awareness } from "y-protocols/awareness";

/** At most ten caret updates a second per person. */
const INTERVAL_MS = 100;

const views = new WeakMap<Awareness, Awareness>();

export function throttledAwareness(awareness: Awareness): Awareness {
  let view = views.get(awareness);
  if (!view) {
    view = throttle(awareness, INTERVAL_MS);
    views.set(awareness, view);
  }
  return view;
}

function throttle(awareness: Awareness, intervalMs: number): Awareness {
  let waiting: Record<string, unknown> | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastSent = Number.NEGATIVE_INFINITY;
  const send = () => {
    timer = undefined;
    lastSent = performance.now();
    const fields = waiting;
    waiting = undefined;
    const state = awareness.getLocalState();
    // Null once the awareness is destroyed (the board closed): nothing left to publish.
    if (fields && state !== null) awareness.setLocalState({ ...state, ...fields });
  };
  const setLocalStateField = (field: string, value: unknown) => {
    waiting = { ...waiting, [field]: value };
    if (timer !== undefined) return;
    const wait = lastSent + intervalMs - performance.now();
    if (wait <= 0) send();
    else timer = setTimeout(send, wait);
  };
  return new Proxy(awareness, {
    get: (target, property, receiver) => (property === "setLocalStateField" ? setLocalStateField : Reflect.get(target, property, receiver)),
  });
}
