// Time zones and countries for the forms. The zones come from the gateway (GET /api/time-zones): the current names
// the services keep, and the legacy names they replace, from the one time-zones module. Until that answer arrives,
// or when it cannot, the browser's own list (Intl) stands in, with the renames below. Country names come from Intl.

import { h, UI_LOCALE } from './dom.js';

const FALLBACK_ZONES = ['UTC', 'Europe/London', 'Europe/Berlin', 'Europe/Paris', 'America/New_York', 'America/Chicago',
  'America/Denver', 'America/Los_Angeles', 'Asia/Tokyo', 'Asia/Kolkata', 'Australia/Sydney', 'Pacific/Auckland'];

// Old names the browser may still list or report (CLDR keeps some), and the names the IANA database uses now: only
// until the server's own list of legacy names has arrived.
const RENAMED = {
  'Asia/Calcutta': 'Asia/Kolkata', 'Europe/Kiev': 'Europe/Kyiv', 'Asia/Saigon': 'Asia/Ho_Chi_Minh',
  'Asia/Katmandu': 'Asia/Kathmandu', 'Asia/Rangoon': 'Asia/Yangon', 'Atlantic/Faeroe': 'Atlantic/Faroe',
  'America/Godthab': 'America/Nuuk', 'Pacific/Enderbury': 'Pacific/Kanton', 'Pacific/Truk': 'Pacific/Chuuk',
  'Pacific/Ponape': 'Pacific/Pohnpei', 'Europe/Uzhgorod': 'Europe/Kyiv', 'Europe/Zaporozhye': 'Europe/Kyiv',
  'America/Buenos_Aires': 'America/Argentina/Buenos_Aires', 'America/Catamarca': 'America/Argentina/Catamarca',
  'America/Cordoba': 'America/Argentina/Cordoba', 'America/Jujuy': 'America/Argentina/Jujuy',
  'America/Mendoza': 'America/Argentina/Mendoza', 'America/Indianapolis': 'America/Indiana/Indianapolis',
  'America/Louisville': 'America/Kentucky/Louisville', 'Asia/Ulan_Bator': 'Asia/Ulaanbaatar',
  'Asia/Dacca': 'Asia/Dhaka', 'Asia/Thimbu': 'Asia/Thimphu', 'Asia/Macao': 'Asia/Macau', 'Africa/Asmera': 'Africa/Asmara',
  'Asia/Ashkhabad': 'Asia/Ashgabat', 'Asia/Chongking': 'Asia/Chongqing', 'Australia/Canberra': 'Australia/Sydney',
  'Etc/UTC': 'UTC', 'Etc/GMT': 'UTC', GMT: 'UTC', 'Etc/Universal': 'UTC', 'Etc/Zulu': 'UTC',
};

let legacyNames = RENAMED;
let serverZones = null;
let asked = null;

/** Asks the gateway once per visit for the zones people can choose; resolves true when they arrived. */
function askForZones() {
  if (!asked) {
    asked = fetch('/api/time-zones', { credentials: 'same-origin' })
      .then((response) => (response.ok ? response.json() : null))
      .then((choices) => {
        if (!choices || !Array.isArray(choices.zones)) throw new Error('no zones');
        legacyNames = choices.legacyNames || {};
        serverZones = choices.zones;
        return true;
      })
      .catch(() => {
        asked = null; // Asked again by the next zone field.
        return false;
      });
  }
  return asked;
}

/** A zone's current name: "Europe/Kiev" is "Europe/Kyiv". */
export function canonicalZone(zone) {
  return legacyNames[zone] || zone;
}

/** The browser's own zone, by its current name. */
export function browserZone() {
  try {
    return canonicalZone(Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC');
  } catch {
    return 'UTC';
  }
}

/** Every time zone by its current name, sorted, the browser's own first. */
export function zones(extra) {
  let list = serverZones;
  if (!list) {
    try {
      list = Intl.supportedValuesOf('timeZone');
    } catch {
      list = FALLBACK_ZONES;
    }
  }
  const all = new Set(list.map(canonicalZone));
  all.add('UTC');
  if (extra) all.add(canonicalZone(extra));
  const own = browserZone();
  all.delete(own);
  return [own, ...[...all].sort()];
}

const ZONE_LIST_ID = 'time-zones';

/** The one list of zones every zone field offers: made once, kept in the document across pages. */
function zoneList(extra) {
  let list = document.getElementById(ZONE_LIST_ID);
  if (!list) {
    list = h('datalist', { id: ZONE_LIST_ID });
    fillZoneList(list);
    document.body.append(list);
  }
  if (!serverZones) {
    askForZones().then((arrived) => {
      if (!arrived) return;
      fillZoneList(list);
      // A field still showing a legacy name (the browser's own, say) shows its current one, unless someone is typing.
      document.querySelectorAll(`input[list="${ZONE_LIST_ID}"]`).forEach((input) => {
        if (document.activeElement !== input && legacyNames[input.value]) input.value = legacyNames[input.value];
      });
    });
  }
  const wanted = extra && canonicalZone(extra);
  if (wanted && !list.querySelector(`option[value="${CSS.escape(wanted)}"]`)) list.append(h('option', { value: wanted }));
  return list;
}

function fillZoneList(list) {
  list.replaceChildren(...zones().map((zone) => h('option', { value: zone, label: zone.split('/').pop().replace(/_/g, ' ') })));
}

/**
 * A time zone field that can be searched: type "berl" or "kolk" and choose from the list (a text input with a
 * datalist, so every browser and screen reader offers it as a combobox). The value is the zone's current name;
 * a name that is no zone is refused by the server like any other field.
 */
export function zoneSelect(selected, props = {}) {
  const list = zoneList(selected);
  const input = h('input', {
    type: 'text', name: 'timeZone', value: canonicalZone(selected || browserZone()), ...props,
    attrs: { list: list.id, autocomplete: 'off', spellcheck: 'false', autocapitalize: 'off', ...(props.attrs || {}) },
  });
  // Focus selects the name, so that typing starts a new search at once.
  input.addEventListener('focus', () => input.select());
  return input;
}

// ISO 3166-1 alpha-2 codes; the names come from Intl.DisplayNames in the app's language (UI_LOCALE).
const COUNTRIES = ('AD AE AF AG AI AL AM AO AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BW BY '
  + 'BZ CA CD CF CG CH CI CK CL CM CN CO CR CU CV CW CY CZ DE DJ DK DM DO DZ EC EE EG ER ES ET FI FJ FK FM FO FR GA GB '
  + 'GD GE GF GG GH GI GL GM GN GP GQ GR GT GU GW GY HK HN HR HT HU ID IE IL IM IN IQ IR IS IT JE JM JO JP KE KG KH KI '
  + 'KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW '
  + 'MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PR PS PT PW PY QA RE RO RS RU RW SA SB SC '
  + 'SD SE SG SH SI SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG US UY UZ VA '
  + 'VC VE VG VI VN VU WF WS XK YE YT ZA ZM ZW').split(' ');

export function countryName(code) {
  try {
    return new Intl.DisplayNames(UI_LOCALE, { type: 'region' }).of(code) || code;
  } catch {
    return code;
  }
}

/** A select of countries sorted by name; `emptyLabel` adds a first option with no value. */
export function countrySelect(selected, props = {}, emptyLabel) {
  const select = h('select', { name: 'country', ...props });
  if (emptyLabel) select.append(h('option', { value: '', text: emptyLabel }));
  COUNTRIES.map((code) => ({ code, name: countryName(code) }))
    .sort((a, b) => a.name.localeCompare(b.name, UI_LOCALE))
    .forEach(({ code, name }) => select.append(h('option', { value: code, text: name, selected: code === selected })));
  return select;
}

/** The language part of the browser's language, as the gateway accepts it ([a-z]{2,3}). */
export function browserLanguage() {
  const match = /^([a-z]{2,3})/i.exec(navigator.language || 'en');
  return match ? match[1].toLowerCase() : 'en';
}

export function browserCountry() {
  const match = /^[a-z]{2,3}[-_]([a-z]{2})\b/i.exec(navigator.language || '');
  return match ? match[1].toUpperCase() : '';
}

/** The locale the gateway keeps: language, and the country when there is one (en-GB). */
export function localeOf(language, country) {
  return country ? `${language}-${country.toUpperCase()}` : language;
}
