// Schedule editor (timezone, weekly ranges per day, dated exceptions) and the table's "open now"
// summary. The authoritative rule is ScheduleRules in chat-events; openNow() mirrors it for display
// only (a range whose end is at or before its start runs into the next day; an exception replaces
// the ranges starting on its date; no weekly ranges = around the clock).

import { h } from '../common/dom.js';
import { uid } from '../common/ids.js';

export const DAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];
const DAY_LABELS = { MONDAY: 'Monday', TUESDAY: 'Tuesday', WEDNESDAY: 'Wednesday', THURSDAY: 'Thursday', FRIDAY: 'Friday', SATURDAY: 'Saturday', SUNDAY: 'Sunday' };

export function timeZones() {
  try {
    const zones = Intl.supportedValuesOf('timeZone');
    // Chromium leaves UTC out of supportedValuesOf; it is the most common server choice.
    return zones.includes('UTC') ? zones : ['UTC', ...zones];
  } catch {
    return ['UTC', 'Europe/Madrid', 'Europe/Lisbon', 'America/Sao_Paulo', 'America/New_York'];
  }
}

export function browserZone() {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

const hhmm = (t) => (t || '').slice(0, 5);
const minutes = (t) => {
  const [hours, mins] = hhmm(t).split(':').map(Number);
  return hours * 60 + mins;
};

/** Text of the note shown beside a range: crossing midnight, or a full day. */
export function overnightNote(start, end) {
  if (!start || !end) return '';
  if (start === end) return 'Open 24 hours (from start to the same time next day)';
  return minutes(end) < minutes(start) ? `Crosses midnight: ends at ${end} the next day` : '';
}

/** The wall clock in `zone`: {date 'yyyy-MM-dd', day 'MONDAY', minute of day}. */
function wallClock(instant, zone) {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-US', {
    timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', weekday: 'long', hourCycle: 'h23',
  }).formatToParts(instant).map((p) => [p.type, p.value]));
  return { date: `${parts.year}-${parts.month}-${parts.day}`, day: parts.weekday.toUpperCase(), minute: Number(parts.hour) * 60 + Number(parts.minute) };
}

function rangesStartingOn(schedule, date, day) {
  const exception = (schedule.exceptions || []).find((e) => e.date === date);
  if (exception) return exception.closed ? [] : (exception.ranges || []);
  if (!schedule.weekly?.length) return [{ start: '00:00', end: '00:00' }];
  return schedule.weekly.filter((w) => w.day === day);
}

/** True/false: open at `instant` (display approximation of ScheduleRules.isOpen; ignores DST edges). */
export function openNow(schedule, instant = new Date()) {
  if (!schedule) return true;
  let zone = schedule.timezone || 'UTC';
  let today;
  try {
    today = wallClock(instant, zone);
  } catch {
    zone = 'UTC';
    today = wallClock(instant, zone);
  }
  const yesterday = wallClock(new Date(instant.getTime() - 24 * 3600_000), zone);
  const now = today.minute;
  const todayOpen = rangesStartingOn(schedule, today.date, today.day).some((r) => {
    const s = minutes(r.start);
    const e = minutes(r.end);
    return e > s ? now >= s && now < e : now >= s;
  });
  const carriedOver = rangesStartingOn(schedule, yesterday.date, yesterday.day).some((r) => {
    const s = minutes(r.start);
    const e = minutes(r.end);
    return e <= s && now < e;
  });
  return todayOpen || carriedOver;
}

/**
 * The schedule section's editor. `value` is the API's schedule (or null = always open).
 * read() gives it back in API shape, with weekly ranges in day order; paths() are set on the inputs
 * at read time so server errors like schedule.weekly[3].end find their input.
 */
export class ScheduleEditor {
  constructor(value, { readOnly = false, onChange = () => {} } = {}) {
    this.readOnly = readOnly;
    this.onChange = onChange;
    const schedule = value || null;
    this.alwaysOpen = h('input', { type: 'checkbox', id: uid('always'), testid: 'schedule-always-open', checked: !schedule, disabled: readOnly, onchange: () => this.toggle() });
    this.timezone = h('select', { id: uid('tz'), testid: 'schedule-timezone', disabled: readOnly, dataset: { path: 'schedule.timezone' } },
      timeZones().map((z) => h('option', { value: z }, z)));
    this.timezone.value = schedule?.timezone || browserZone();
    if (this.timezone.value !== (schedule?.timezone || browserZone()) && schedule?.timezone) {
      // A zone this browser does not list: keep it rather than silently changing it.
      this.timezone.append(h('option', { value: schedule.timezone }, schedule.timezone));
      this.timezone.value = schedule.timezone;
    }
    this.dayLists = {};
    const weekRows = DAYS.map((day) => {
      const list = h('div', { class: 'ranges', testid: `schedule-ranges-${day}` });
      this.dayLists[day] = list;
      for (const w of (schedule?.weekly || []).filter((r) => r.day === day)) list.append(this.rangeRow(w, 'schedule'));
      const add = h('button', { type: 'button', class: 'icon-button', testid: `schedule-add-range-${day}`, disabled: readOnly, 'aria-label': `Add a range on ${DAY_LABELS[day]}`, title: 'Add a range',
        onclick: () => { const row = this.rangeRow({ start: '09:00', end: '17:00' }, 'schedule'); list.append(row); row.querySelector('input').focus(); this.changed(); } }, '+');
      return h('div', { class: 'day-row', role: 'group', 'aria-label': DAY_LABELS[day], testid: `schedule-day-${day}` },
        h('span', { class: 'day-name' }, DAY_LABELS[day]), list, add,
        h('span', { class: 'closed-label', testid: `schedule-closed-${day}` }, 'Closed'));
    });
    this.exceptionList = h('div', { class: 'exceptions', testid: 'schedule-exceptions' });
    for (const e of schedule?.exceptions || []) this.exceptionList.append(this.exceptionRow(e));
    const addException = h('button', { type: 'button', class: 'secondary', testid: 'schedule-add-exception', disabled: readOnly,
      onclick: () => { const row = this.exceptionRow({ date: '', closed: true, ranges: [] }); this.exceptionList.append(row); row.querySelector('input').focus(); this.changed(); } }, '+ Add exception');

    this.details = h('div', { class: 'schedule-details' },
      h('div', { class: 'field', dataset: { field: 'schedule.timezone' } }, h('label', { for: this.timezone.id }, 'Time zone'), this.timezone),
      h('fieldset', { class: 'weekly', dataset: { path: 'schedule.weekly' } }, h('legend', {}, 'Weekly hours'),
        h('p', { class: 'hint' }, 'Several ranges per day are allowed. A range that ends at or before its start runs past midnight into the next day.'),
        weekRows),
      h('fieldset', { class: 'exceptions-set', dataset: { path: 'schedule.exceptions' } }, h('legend', {}, 'Exceptions (holidays, special days)'),
        h('p', { class: 'hint' }, 'An exception replaces the weekly hours of its date: closed all day, or only its own ranges.'),
        this.exceptionList, readOnly ? null : addException));
    this.element = h('div', { class: 'schedule-editor', dataset: { path: 'schedule' } },
      h('div', { class: 'check' }, this.alwaysOpen, h('label', { for: this.alwaysOpen.id }, 'Open around the clock (no schedule)')),
      this.details);
    this.element.addEventListener('input', () => this.changed());
    this.element.addEventListener('change', () => this.changed());
    this.toggle(false);
  }

  changed() {
    this.refreshNotes();
    this.onChange();
  }

  toggle(notify = true) {
    this.details.hidden = this.alwaysOpen.checked;
    this.refreshNotes();
    if (notify) this.onChange();
  }

  refreshNotes() {
    for (const row of this.element.querySelectorAll('.range-row')) {
      const [start, end] = row.querySelectorAll('input[type=time]');
      const note = row.querySelector('.overnight');
      note.textContent = overnightNote(start.value, end.value);
    }
    for (const day of DAYS) {
      this.dayLists[day].parentElement.classList.toggle('is-closed', !this.dayLists[day].children.length);
    }
    for (const row of this.exceptionList.children) {
      const closed = row.querySelector('[data-testid=exception-closed]').checked;
      row.querySelector('.exception-ranges').hidden = closed;
    }
  }

  rangeRow(range, kind) {
    const start = h('input', { type: 'time', value: hhmm(range.start), required: true, testid: `${kind === 'schedule' ? 'schedule' : 'exception'}-range-start`, disabled: this.readOnly, id: uid('start') });
    const end = h('input', { type: 'time', value: hhmm(range.end), required: true, testid: `${kind === 'schedule' ? 'schedule' : 'exception'}-range-end`, disabled: this.readOnly, id: uid('end') });
    const note = h('span', { class: 'overnight', testid: 'schedule-overnight-note', 'aria-live': 'polite' }, overnightNote(start.value, end.value));
    const row = h('div', { class: 'range-row', 'data-error-host': '' },
      h('label', { for: start.id, class: 'sr-only' }, 'Opens at'), start,
      h('span', { 'aria-hidden': 'true' }, '–'),
      h('label', { for: end.id, class: 'sr-only' }, 'Closes at'), end,
      this.readOnly ? null : h('button', { type: 'button', class: 'icon-button', testid: kind === 'schedule' ? 'schedule-remove-range' : 'exception-remove-range', 'aria-label': 'Remove this range', title: 'Remove this range',
        onclick: () => { row.remove(); this.changed(); } }, '−'),
      note);
    return row;
  }

  exceptionRow(exception) {
    const date = h('input', { type: 'date', value: exception.date || '', required: true, testid: 'exception-date', disabled: this.readOnly, id: uid('date') });
    const closed = h('input', { type: 'checkbox', checked: exception.closed !== false, testid: 'exception-closed', disabled: this.readOnly, id: uid('closed') });
    const ranges = h('div', { class: 'ranges' });
    for (const r of exception.ranges || []) ranges.append(this.rangeRow(r, 'exception'));
    const row = h('div', { class: 'exception-row', testid: 'schedule-exception', 'data-error-host': '' },
      h('div', { class: 'exception-head' },
        h('label', { for: date.id }, 'Date'), date,
        h('span', { class: 'check' }, closed, h('label', { for: closed.id }, 'Closed all day')),
        this.readOnly ? null : h('button', { type: 'button', class: 'icon-button', testid: 'schedule-remove-exception', 'aria-label': 'Remove this exception', title: 'Remove this exception',
          onclick: () => { row.remove(); this.changed(); } }, '−')),
      h('div', { class: 'exception-ranges' }, h('span', { class: 'hint' }, 'Open only:'), ranges,
        this.readOnly ? null : h('button', { type: 'button', class: 'icon-button', testid: 'exception-add-range', 'aria-label': 'Add a range to this exception', title: 'Add a range',
          onclick: () => { const r = this.rangeRow({ start: '10:00', end: '14:00' }, 'exception'); ranges.append(r); r.querySelector('input').focus(); this.changed(); } }, '+')));
    return row;
  }

  /** The schedule in API shape (null when always open); tags inputs with their API paths. */
  read() {
    if (this.alwaysOpen.checked) return null;
    const weekly = [];
    for (const day of DAYS) {
      for (const row of this.dayLists[day].children) {
        const [start, end] = row.querySelectorAll('input[type=time]');
        const i = weekly.length;
        start.dataset.path = `schedule.weekly[${i}].start`;
        end.dataset.path = `schedule.weekly[${i}].end`;
        row.dataset.path = `schedule.weekly[${i}]`;
        weekly.push({ day, start: start.value, end: end.value });
      }
    }
    const exceptions = [...this.exceptionList.children].map((row, i) => {
      const date = row.querySelector('[data-testid=exception-date]');
      const closed = row.querySelector('[data-testid=exception-closed]');
      date.dataset.path = `schedule.exceptions[${i}].date`;
      row.dataset.path = `schedule.exceptions[${i}]`;
      const ranges = closed.checked ? [] : [...row.querySelectorAll('.range-row')].map((r, j) => {
        const [start, end] = r.querySelectorAll('input[type=time]');
        start.dataset.path = `schedule.exceptions[${i}].ranges[${j}].start`;
        end.dataset.path = `schedule.exceptions[${i}].ranges[${j}].end`;
        r.dataset.path = `schedule.exceptions[${i}].ranges[${j}]`;
        return { start: start.value, end: end.value };
      });
      return { date: date.value, closed: closed.checked, ranges };
    });
    return { timezone: this.timezone.value, weekly, exceptions };
  }

  /** Client-side checks: [{field, message}] for empty times and dates. */
  check() {
    const schedule = this.read();
    const errors = [];
    if (!schedule) return errors;
    schedule.weekly.forEach((w, i) => {
      if (!w.start) errors.push({ field: `schedule.weekly[${i}].start`, message: 'Enter an opening time' });
      if (!w.end) errors.push({ field: `schedule.weekly[${i}].end`, message: 'Enter a closing time' });
    });
    schedule.exceptions.forEach((e, i) => {
      if (!e.date) errors.push({ field: `schedule.exceptions[${i}].date`, message: 'Enter a date' });
      if (!e.closed && !e.ranges.length) errors.push({ field: `schedule.exceptions[${i}]`, message: 'Add a range, or mark the day closed' });
      e.ranges.forEach((r, j) => {
        if (!r.start) errors.push({ field: `schedule.exceptions[${i}].ranges[${j}].start`, message: 'Enter an opening time' });
        if (!r.end) errors.push({ field: `schedule.exceptions[${i}].ranges[${j}].end`, message: 'Enter a closing time' });
      });
    });
    const dates = schedule.exceptions.map((e) => e.date).filter(Boolean);
    dates.forEach((d, i) => {
      if (dates.indexOf(d) !== i) errors.push({ field: `schedule.exceptions[${i}].date`, message: 'This date already has an exception' });
    });
    return errors;
  }
}
