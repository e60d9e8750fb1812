// Small helpers for building the page without innerHTML. The Content Security Policy forbids inline script
// and inline style attributes, so every element is made here and styled by classes from app.css.

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * The language the app is written in: the document's own (`<html lang="en">`). Dates, country names and language
 * names are formatted in it, always with this explicit locale, so a browser set to German does not mix "Englisch"
 * and "Dezember" into English sentences.
 */
export const UI_LOCALE = document.documentElement.lang || 'en';

/**
 * Makes an element. `props` may hold: class, text, html (never used with data from people), attrs (an object of
 * attributes, such as aria-*), dataset, on (an object of event listeners), and any DOM property (value, checked,
 * disabled, hidden, type, name, id, href, htmlFor...). Children may be nodes, strings, arrays, null or false.
 */
export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  apply(el, props);
  append(el, children);
  return el;
}

/** The same for SVG elements; every prop is an attribute except class, text and on. */
export function s(tag, props = {}, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [key, value] of Object.entries(props || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') el.setAttribute('class', value);
    else if (key === 'text') el.textContent = value;
    else if (key === 'on') Object.entries(value).forEach(([type, fn]) => el.addEventListener(type, fn));
    else el.setAttribute(key, String(value));
  }
  append(el, children);
  return el;
}

function apply(el, props) {
  for (const [key, value] of Object.entries(props || {})) {
    if (value === undefined || value === null) continue;
    switch (key) {
      case 'class':
        el.className = Array.isArray(value) ? value.filter(Boolean).join(' ') : value;
        break;
      case 'text':
        el.textContent = value;
        break;
      case 'attrs':
        for (const [name, v] of Object.entries(value)) {
          if (v === undefined || v === null || v === false) continue;
          el.setAttribute(name, v === true ? '' : String(v));
        }
        break;
      case 'dataset':
        Object.assign(el.dataset, value);
        break;
      case 'on':
        Object.entries(value).forEach(([type, fn]) => el.addEventListener(type, fn));
        break;
      case 'for':
        el.htmlFor = value;
        break;
      default:
        el[key] = value;
    }
  }
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : String(child));
  }
}

/**
 * Adds children at the end of `el`, skipping null, undefined and false. Use it instead of the DOM's own
 * `el.append(...)` whenever a child may be missing: that one would write the text "null".
 */
export function add(el, ...children) {
  append(el, children);
  return el;
}

/** Replaces every child of `el`. */
export function replace(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

let idCounter = 0;
/** A unique id for label/aria wiring. */
export function uid(prefix = 'f') {
  idCounter += 1;
  return `${prefix}-${idCounter}`;
}

/** Says something to screen-reader users through the page's polite live region. */
export function announce(message) {
  const region = document.getElementById('announcer');
  if (!region) return;
  // Clearing first makes the same message be read again.
  region.textContent = '';
  window.setTimeout(() => { region.textContent = message; }, 50);
}

/** Shows a short message in the toast area (also read out politely). */
export function toast(message) {
  const area = document.getElementById('toast');
  if (!area) return;
  const item = h('p', { class: 'toast-item', text: message });
  // At most two at a time, so that they never cover much of the page.
  while (area.children.length >= 2) area.firstElementChild.remove();
  area.append(item);
  window.setTimeout(() => item.remove(), 5000);
}

/**
 * A labelled form field. `input` is the control (input, select or textarea); `hint` is optional help text wired
 * with aria-describedby. Returns the wrapper; the control keeps its own id.
 */
export function field(labelText, input, hint, extraClass) {
  if (!input.id) input.id = uid('field');
  const parts = [h('label', { for: input.id, text: labelText })];
  const described = [];
  if (hint) {
    const hintId = `${input.id}-hint`;
    parts.push(h('p', { class: 'hint', id: hintId, text: hint }));
    described.push(hintId);
  }
  const errorId = `${input.id}-error`;
  parts.push(input, h('p', { class: 'field-error', id: errorId, hidden: true }));
  if (described.length) input.setAttribute('aria-describedby', described.join(' '));
  return h('div', { class: ['field', extraClass] }, parts);
}

/** Turns Instant strings into friendly local text in the given zone. */
export function formatDateTime(value, timeZone, options = {}) {
  if (!value) return '';
  const date = value instanceof Date ? value : new Date(value);
  try {
    return new Intl.DateTimeFormat(UI_LOCALE, {
      dateStyle: options.dateStyle ?? 'medium', timeStyle: options.timeStyle ?? 'short', timeZone,
    }).format(date);
  } catch {
    return date.toLocaleString(UI_LOCALE);
  }
}

/** A local ISO date (yyyy-mm-dd) such as "2026-03-14", read as a calendar day. */
export function formatLocalDay(isoDate, style = 'medium') {
  const [y, m, d] = isoDate.split('-').map(Number);
  return new Intl.DateTimeFormat(UI_LOCALE, { dateStyle: style, timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d)));
}

/** Today's date in a time zone, as yyyy-mm-dd. */
export function todayIn(timeZone) {
  return dayIn(new Date(), timeZone);
}

export function dayIn(date, timeZone) {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
    .formatToParts(date);
  const get = (type) => parts.find((p) => p.type === type).value;
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** Now as a local date-time in a time zone, to the second: 2026-03-14T21:05:09. */
export function nowIn(timeZone) {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
  }).formatToParts(new Date());
  const get = (type) => parts.find((p) => p.type === type).value;
  return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}:${get('second')}`;
}

/** Adds days to a yyyy-mm-dd date. */
export function addDays(isoDate, days) {
  const [y, m, d] = isoDate.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d + days));
  return date.toISOString().slice(0, 10);
}

/** Debounces a function. */
export function debounce(fn, wait = 350) {
  let timer;
  return (...args) => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => fn(...args), wait);
  };
}

/**
 * Copies a server-made snippet (HTML-escaped text with <mark> around matches) into an element, keeping only text
 * and <mark>. DOMParser documents are inert: nothing in them runs or loads.
 */
export function markedText(target, snippet) {
  const doc = new DOMParser().parseFromString(`<p>${snippet}</p>`, 'text/html');
  const walk = (node) => {
    for (const child of node.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) target.append(child.textContent);
      else if (child.nodeName === 'MARK') target.append(h('mark', { text: child.textContent }));
      else walk(child);
    }
  };
  walk(doc.body);
  return target;
}
