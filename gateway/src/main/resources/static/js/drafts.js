// Journal drafts: what someone is writing, kept in this browser's localStorage while they write, so that a closed
// tab or a lost connection does not lose their words. A draft belongs to one person and one form (a new entry, or
// a change to one entry at one version). It is restored when that form opens again, forgotten when the entry is
// saved or the person chooses to leave without saving, and every draft on this device is forgotten on sign-out.
// Drafts never leave the device: they are not sent anywhere and never written to the console.

const PREFIX = 'mhc.journal-draft.';

function key(userId, entryId) {
  return `${PREFIX}${userId}.${entryId || 'new'}`;
}

/** The draft of this form, or null. A draft of a change is only given back for the version it was written on. */
export function loadDraft(userId, entryId, version) {
  try {
    const draft = JSON.parse(localStorage.getItem(key(userId, entryId)) || 'null');
    if (!draft || typeof draft !== 'object') return null;
    if (entryId && draft.version !== version) return null;
    return draft;
  } catch {
    return null;
  }
}

export function saveDraft(userId, entryId, draft) {
  try {
    localStorage.setItem(key(userId, entryId), JSON.stringify({ ...draft, savedAt: Date.now() }));
    return true;
  } catch {
    // Storage may be full or refused (private browsing): the form still works, only without a draft.
    return false;
  }
}

export function forgetDraft(userId, entryId) {
  try {
    localStorage.removeItem(key(userId, entryId));
  } catch {
    // Nothing was stored.
  }
}

/** Forgets every journal draft on this device, whoever wrote it: on sign-out, nothing written stays behind. */
export function forgetAllDrafts() {
  try {
    Object.keys(localStorage).filter((k) => k.startsWith(PREFIX)).forEach((k) => localStorage.removeItem(k));
  } catch {
    // Nothing was stored.
  }
}
