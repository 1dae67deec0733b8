// One learner's page: their timeline (every event and notice), their doctor result, and what to send them.
'use strict';

const learnerId = Number(new URLSearchParams(location.search).get('id'));

/** What one event says, in words. */
function describe(e, titles) {
  const step = e.step === undefined ? '' : titles[e.step] || `step ${e.step + 1}`;
  switch (e.kind) {
    case 'lesson-start': return 'started the lesson';
    case 'step-start': return `started “${step}”`;
    case 'check': return e.passed ? 'a check passed' : `a check failed: ${e.message || ''}`;
    case 'hint': return 'was shown a hint';
    case 'solution': return 'revealed the solution';
    case 'step-end': return `${e.status || (e.passed ? 'passed' : 'failed')} “${step}”${e.durationMs !== undefined ? ` after ${Math.round(e.durationMs / 1000)} s` : ''}${e.message ? `: ${e.message}` : ''}`;
    case 'lesson-end': return `ended the lesson: ${e.status || ''}`;
    default: return e.kind;
  }
}

async function load() {
  try {
    const [detail, board] = await Promise.all([api(`/api/learners/${learnerId}`), api('/api/board')]);
    const { learner, events, notices } = detail;
    document.title = `steplab room: ${learner.name}`;
    document.getElementById('name').textContent = learner.name;
    const d = learner.doctor;
    const doctor = document.getElementById('doctor');
    doctor.textContent = d ? `laptop: ${d.verdict}` : 'laptop: no doctor result yet';
    doctor.className = d ? (d.ready ? 'ready' : 'not-ready') : 'unknown';
    document.getElementById('doctor-lines').textContent = d ? d.lines.join('\n') : '';
    const lessons = new Map(board.lessons.map((l) => [l.id, l]));
    const rows = [
      ...events.map((e) => ({ at: e.at, lesson: lessons.get(e.lesson)?.title || e.lesson, step: e.step === undefined ? '' : String(e.step + 1), what: describe(e, lessons.get(e.lesson)?.steps || []), cls: e.kind === 'check' && !e.passed ? 'failing' : e.kind === 'step-end' && e.status === 'passed' ? 'done' : '' })),
      ...notices.map((n) => ({ at: n.createdAt, lesson: '', step: n.step === undefined ? '' : String(n.step + 1), what: `instructor → ${n.learner === undefined ? 'everyone' : 'them'} (${n.kind}): ${n.text}`, cls: 'notice' })),
    ].sort((a, b) => a.at - b.at);
    document.getElementById('events').replaceChildren(...rows.map((r) => el('tr', { class: r.cls }, el('td', { text: clock(r.at) }), el('td', { text: r.lesson }), el('td', { text: r.step }), el('td', { text: r.what }))));
    const current = board.rows.find((r) => r.id === learnerId);
    const steps = lessons.get(current?.lesson)?.steps || [];
    const select = document.getElementById('step');
    if (select.options.length !== steps.length + 1) select.replaceChildren(el('option', { value: '', text: 'the step they are on' }), ...steps.map((t, i) => el('option', { value: i, text: `${i + 1}. ${t}` })));
    showError('');
  } catch (error) {
    showError(error.message);
  }
}

async function send(body) {
  try {
    await api('/api/notices', { to: learnerId, ...body });
    document.getElementById('sent').textContent = 'sent';
    await load();
  } catch (error) {
    document.getElementById('sent').textContent = error.message;
  }
}

document.getElementById('send').addEventListener('submit', (e) => {
  e.preventDefault();
  const text = document.getElementById('text');
  void send({ kind: document.getElementById('kind').value, text: text.value }).then(() => { text.value = ''; });
});
document.getElementById('reset').addEventListener('submit', (e) => {
  e.preventDefault();
  const step = document.getElementById('step').value;
  void send({ kind: 'reset', ...(step === '' ? {} : { step: Number(step) }) });
});
if (!steplabToken) showError('No instructor token: open the dashboard URL that `steplab room` printed.');
else {
  void load();
  setInterval(load, 3000);
}
