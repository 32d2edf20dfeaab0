// Sign in (POST /api/session). One answer for a wrong password, an unknown name and a locked account — the API
// gives no more, so that accounts cannot be probed — said in words that tell the officer what to do next.

import { signIn } from '../session.js';
import { alert, errorSummary, h, markField, page, submitOnEnter, valueOf } from '../ui.js';

export function render(main, { app }) {
  page(main, 'Sign in to Linkup');
  const flash = app.takeFlash();
  const problems = h('div');
  const username = h('sgds-input', { label: 'Username', name: 'username', id: 'username', placeholder: '' });
  const password = h('sgds-input', {
    label: 'Password', name: 'password', id: 'password', type: 'password', placeholder: '',
  });
  const submit = h('sgds-button', { type: 'submit', variant: 'primary', id: 'sign-in' }, 'Sign in');
  const form = h('form', { class: 'form form-narrow', 'aria-labelledby': 'signin-heading' },
    username, password, h('div', { class: 'actions' }, submit));
  main.querySelector('h1').id = 'signin-heading';
  main.append(flash ? alert(flash.variant, flash.text) : '', problems, form);
  submitOnEnter(form);
  autocomplete(username, 'username');
  autocomplete(password, 'current-password');
  passwordToggle(password);

  form.addEventListener('submit', async event => {
    event.preventDefault();
    const missing = [];
    markField(username, valueOf(username) ? null : 'Enter your username');
    markField(password, password.value ? null : 'Enter your password');
    if (!valueOf(username)) {
      missing.push({ message: 'Enter your username', target: username });
    }
    if (!password.value) {
      missing.push({ message: 'Enter your password', target: password });
    }
    if (missing.length) {
      show(problems, errorSummary(missing));
      return;
    }
    submit.loading = true;
    try {
      const session = await signIn(valueOf(username), password.value);
      app.signedIn(session);
    } catch (error) {
      password.value = '';
      const message = error.status === 401
        ? 'The username or password is not correct, or the account is locked. After several wrong passwords an '
          + 'account locks for a while; your supervisor or an administrator can unlock it sooner.'
        : error.message;
      markField(password, error.status === 401 ? 'Check your username and password' : null);
      show(problems, errorSummary([{ message, target: password }],
        { title: error.status === 401 ? 'You could not be signed in' : error.title }));
    } finally {
      submit.loading = false;
    }
  });
}

function show(area, summary) {
  area.replaceChildren(summary);
  summary.focus();
}

/** sgds-input has no autocomplete attribute; password managers and WCAG 1.3.5 want one on the real input. */
export async function autocomplete(input, value) {
  await input.updateComplete;
  input.shadowRoot?.querySelector('input')?.setAttribute('autocomplete', value);
}

/**
 * SGDS 3.8.0's show-password eye is a focusable role="button" with no name that ignores Enter and Space: give it a
 * name that says what it does, a pressed state, and the keys a button answers to.
 */
export async function passwordToggle(input) {
  await input.updateComplete;
  const eye = input.shadowRoot?.querySelector('sgds-icon[role="button"]');
  if (!eye) {
    return;
  }
  const describe = () => {
    const shown = input.shadowRoot.querySelector('input')?.type === 'text';
    eye.setAttribute('aria-label', 'Show password');
    eye.setAttribute('aria-pressed', String(shown));
  };
  describe();
  eye.addEventListener('click', () => input.updateComplete.then(describe));
  eye.addEventListener('keydown', event => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      event.stopPropagation();  // Enter here shows the password; it does not submit
      eye.click();
    }
  });
}
