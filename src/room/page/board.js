// The live board: learners × steps of a lesson, redrawn from each board the room streams (Server-Sent Events).
'use strict';

const MARK = { done: '✓', working: '…', failing: '✗', stuck: '!', skipped: '–', todo: '' };
let shownLesson = new URLSearchParams(location.search).get('lesson') || undefined;
let source;

/** Redraw everything from one board. */
function render(board) {
  window.steplabBoard = board;
  document.getElementById('course').textContent = board.course ? `· ${board.course}` : '';
  document.getElementById('join').textContent = board.code ? `join code ${board.code}` : '';
  const select = document.getElementById('lesson');
  if (select.options.length !== board.lessons.length) {
    select.replaceChildren(...board.lessons.map((l) => el('option', { value: l.id, text: l.title })));
  }
  select.value = board.lesson || '';
  const lesson = board.lessons.find((l) => l.id === board.lesson) || { steps: [] };
  document.getElementById('sentences').replaceChildren(
    ...(board.sentences.length > 0 ? board.sentences : [board.rows.length === 0 ? 'Nobody has joined yet.' : 'Nobody is failing or stuck.']).map((s) => el('li', { text: s })),
  );
  document.getElementById('steps').replaceChildren(el('th', { text: `${board.rows.length} learner${board.rows.length === 1 ? '' : 's'}` }), el('th', { text: 'laptop' }),
    ...lesson.steps.map((title, i) => el('th', { title, text: `${i + 1}` })));
  document.getElementById('counts').replaceChildren(el('th'), el('th'),
    ...board.counts.map((c) => el('th', { class: 'count', title: `${c.done} done, ${c.working} working, ${c.failing} failing, ${c.stuck} stuck`, text: `${c.done}✓ ${c.failing + c.stuck ? `${c.failing + c.stuck}✗` : ''}` })));
  document.getElementById('rows').replaceChildren(...board.rows.map((row) => {
    const doctor = row.doctor ? el('td', { class: row.doctor.ready ? 'ready' : 'not-ready', title: row.doctor.verdict, text: row.doctor.ready ? 'ready' : 'not ready' }) : el('td', { class: 'unknown', text: '?' , title: 'no doctor result yet' });
    const cells = row.cells.map((c, i) => el('td', {
      class: `cell ${c.state}`,
      'data-state': c.state,
      title: [`${row.name}, step ${i + 1}: ${c.state}`, c.message, c.hints ? `${c.hints} hint${c.hints > 1 ? 's' : ''} shown` : '', c.solution ? 'solution revealed' : ''].filter(Boolean).join('\n'),
      text: MARK[c.state] || '',
    }));
    return el('tr', { 'data-learner': row.id }, el('th', {}, el('a', { href: `/learner?id=${row.id}`, text: row.name })), doctor, ...cells);
  }));
  const to = document.getElementById('to');
  const chosen = to.value;
  to.replaceChildren(el('option', { value: 'all', text: 'everyone' }), ...board.rows.map((r) => el('option', { value: r.id, text: r.name })));
  to.value = [...to.options].some((o) => o.value === chosen) ? chosen : 'all';
}

/** Follow the room's stream; EventSource reconnects by itself when the room restarts. */
function follow() {
  source?.close();
  const live = document.getElementById('live');
  const q = new URLSearchParams({ token: steplabToken });
  if (shownLesson) q.set('lesson', shownLesson);
  source = new EventSource(`/api/stream?${q}`);
  source.addEventListener('board', (e) => {
    live.textContent = 'live';
    live.className = 'live on';
    showError('');
    render(JSON.parse(e.data));
  });
  source.onerror = () => {
    live.textContent = 'reconnecting…';
    live.className = 'live off';
    api('/api/board').catch((error) => showError(error.message));
  };
}

document.getElementById('lesson').addEventListener('change', (e) => {
  shownLesson = e.target.value;
  follow();
});
document.getElementById('send').addEventListener('submit', async (e) => {
  e.preventDefault();
  const to = document.getElementById('to').value;
  const text = document.getElementById('text');
  try {
    await api('/api/notices', { to: to === 'all' ? 'all' : Number(to), kind: document.getElementById('kind').value, text: text.value });
    document.getElementById('sent').textContent = 'sent';
    text.value = '';
  } catch (error) {
    document.getElementById('sent').textContent = error.message;
  }
});
if (!steplabToken) showError('No instructor token: open the dashboard URL that `steplab room` printed.');
else follow();
