// Small helpers every screen shares: building elements without innerHTML (nothing typed by a person is ever parsed
// as markup), page titles and focus, the GOV.UK-style error summary, phone masking and Singapore times.

/** h('p', { class: 'lede' }, 'text', child…): attributes, properties (prop: prefix) and listeners (on: prefix). */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === undefined || value === null || value === false) {
      continue;
    }
    if (name.startsWith('on:')) {
      element.addEventListener(name.slice(3), value);
    } else if (name.startsWith('prop:')) {
      element[name.slice(5)] = value;
    } else {
      element.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(element, children);
  return element;
}

function append(parent, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) {
      continue;
    }
    parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/**
 * Starts a screen: the browser tab's title, a fresh main area and its h1, which takes focus so that a screen reader
 * announces the new page and the next Tab starts from the top of it.
 */
export function page(main, title, { focus = true } = {}) {
  document.title = `${title} – Linkup`;
  main.replaceChildren();
  const heading = h('h1', { tabindex: '-1' }, title);
  main.append(heading);
  if (focus) {
    heading.focus();
  }
  return heading;
}

/**
 * The error summary GOV.UK puts at the top of a form that failed: a heading, then one link per problem that moves
 * focus to its field. `problems` is [{ field, message, target }] where target is the element to focus. The summary
 * itself takes focus, so the officer hears and sees at once what went wrong.
 */
export function errorSummary(problems, { title = 'There is a problem' } = {}) {
  const summary = h('div', { class: 'error-summary', role: 'alert', tabindex: '-1', 'aria-labelledby': 'error-summary-title' },
    h('h2', { id: 'error-summary-title' }, title),
    h('ul', {}, problems.map(({ message, target }) => h('li', {},
      target ? h('a', {
        href: '#',
        'on:click': event => {
          event.preventDefault();  // the hash belongs to the router
          target.scrollIntoView({ block: 'center' });
          target.focus();
        },
      }, message) : message))));
  return summary;
}

/** A plain-words message in an SGDS alert; variant danger | warning | success | info. */
export function alert(variant, title, ...body) {
  // sgds-alert gives itself role="alert"; its title is a property (an attribute would also make a tooltip).
  return h('sgds-alert', { variant, show: true, class: 'message', 'prop:title': title }, ...body);
}

/**
 * Says what an action came to, in an alert (id "outcome") that replaces the last one in `place` and takes focus, so a
 * screen reader reads it out and the officer sees it where they are looking.
 */
export function outcome(place, variant, title, ...body) {
  const message = alert(variant, title, ...body);
  message.id = 'outcome';
  message.setAttribute('tabindex', '-1');
  place.replaceChildren(message);
  message.focus();
  return message;
}

/** "+65 ****4567": enough to recognise a number on screen, not enough to copy it (as the API masks it in logs). */
export function maskMobile(e164) {
  if (!e164) {
    return '';
  }
  const digits = e164.replace(/\D/g, '');
  if (digits.length < 8) {
    return '****';
  }
  const country = e164.startsWith('+65') ? '+65 ' : '';
  return `${country}****${digits.slice(-4)}`;
}

/** "+6591234567" → "+65 9123 4567", as people read a Singapore number; others as stored. */
export function formatMobile(e164) {
  const local = /^\+65(\d{4})(\d{4})$/.exec(e164 || '');
  return local ? `+65 ${local[1]} ${local[2]}` : e164 || '';
}

const SINGAPORE = new Intl.DateTimeFormat('en-SG', {
  timeZone: 'Asia/Singapore', day: 'numeric', month: 'short', year: 'numeric', hour: 'numeric', minute: '2-digit',
});

/** An instant as an officer in Singapore reads it, whatever the computer's own time zone. */
export function singaporeTime(instant) {
  return instant ? SINGAPORE.format(new Date(instant)) : '';
}

/**
 * Enter in an sgds-input does not submit its form (the real input sits in a shadow root): this makes it. Forms carry
 * no `novalidate` and fields no `required`: SGDS 3.8.0 then skips setting up its form internals and throws on every
 * keystroke; the API is the one judge of input, and its answer becomes the error summary.
 */
export function submitOnEnter(form) {
  form.addEventListener('keydown', event => {
    if (event.key === 'Enter' && event.target instanceof HTMLElement && event.target.localName === 'sgds-input') {
      event.preventDefault();
      form.requestSubmit();
    }
  });
}

/** An sgds-input's value, trimmed. */
export function valueOf(input) {
  return (input.value ?? '').trim();
}

/** Marks a field invalid with its message (SGDS shows it under the field), or clears it. */
export function markField(control, message) {
  if (!(control instanceof Element)) {
    return;
  }
  if (control.localName.startsWith('sgds-')) {
    control.invalid = Boolean(message);
    control.invalidFeedback = message || '';
    control.hasFeedback = control.localName === 'sgds-radio-group' ? true : 'both';
    return;
  }
  control.setAttribute('aria-invalid', message ? 'true' : 'false');
  const error = document.getElementById(control.getAttribute('aria-describedby') || '');
  if (error) {
    error.textContent = message ? `Error: ${message}` : '';
    error.hidden = !message;
  }
}

/**
 * A data table in its own sideways-scrolling box: on a narrow window (320 px, or zoomed in) the table keeps its
 * columns and the page does not scroll sideways (WCAG 1.4.10 allows this for tables). The box takes focus, so that a
 * keyboard user can scroll it with the arrows, and is named by the table's caption.
 */
export function tableScroll(table, labelledBy) {
  return h('div', { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-labelledby': labelledBy }, table);
}

/**
 * A secret or a link to take elsewhere: a read-only field (select it and copy by hand, whatever the browser allows)
 * and a Copy button using the Clipboard API, which says "Copied" beside itself, or how to copy by hand when the browser
 * refuses.
 */
export function copyField(id, label, value) {
  const field = h('input', { type: 'text', id, class: 'copy-input', readonly: true, value, spellcheck: 'false',
    'aria-describedby': `${id}-said` });
  const said = h('span', { id: `${id}-said`, class: 'copy-said', role: 'status' });
  const button = h('sgds-button', { variant: 'outline', id: `${id}-copy`, 'on:click': async () => {
    try {
      await navigator.clipboard.writeText(value);
      said.textContent = 'Copied';
    } catch (refused) {
      field.focus();
      field.select();
      said.textContent = 'Copying is not allowed here: the text is selected, press Ctrl+C (or \u2318C) to copy it';
    }
  } }, 'Copy');
  field.addEventListener('focus', () => field.select());
  return h('div', { class: 'copy-field' }, h('label', { for: id, class: 'field-label' }, label),
    h('div', { class: 'copy-row' }, field, button), said);
}
